package org.sinus.engine.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sinus.api.data.LabelSpace;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.Thresholds;

/** Runs made in memory for the comparison tests: labels, scores of chosen quality, and runs around them. */
final class CompareFixtures {
  static final LabelSpace CLASSES = new LabelSpace("test-task", List.of("CD", "MI", "NORM"), true);

  private CompareFixtures() {}

  /** Row-major labels of {@code n} records: each class positive with probability 0.3. */
  static boolean[] targets(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] targets = new boolean[n * CLASSES.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = random.nextDouble() < 0.3;
    }
    return targets;
  }

  /**
   * Scores of a classifier that puts positives {@code separation} higher, plus noise: a part shared by
   * every run made with the same {@code sharedSeed} (what makes records hard for all of them alike) and
   * a part of its own, {@code ownNoise} times as large.
   */
  static float[] scores(boolean[] targets, double separation, long sharedSeed, long ownSeed, double ownNoise) {
    SplittableRandom shared = new SplittableRandom(sharedSeed);
    SplittableRandom own = new SplittableRandom(ownSeed);
    float[] scores = new float[targets.length];
    for (int i = 0; i < targets.length; i++) {
      double z = (targets[i] ? separation : 0) + shared.nextGaussian() + ownNoise * own.nextGaussian();
      scores[i] = (float) (1 / (1 + Math.exp(-z)));
    }
    return scores;
  }

  static Predictions predictions(float[] scores, boolean[] targets) {
    return Predictions.of("test", CLASSES, scores, targets);
  }

  /** A run of an experiment named like the run, seed 0, F1 at 0.5. */
  static ComparedRun run(String label, Predictions predictions) {
    return run(label, new RunExperiment(label, 0, Map.of()), predictions);
  }

  static ComparedRun run(String label, RunExperiment experiment, Predictions predictions) {
    return new ComparedRun(label, Path.of("runs", label), experiment, predictions,
        Thresholds.fixed(predictions.classes(), 0.5));
  }
}
