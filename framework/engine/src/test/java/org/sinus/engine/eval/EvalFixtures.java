package org.sinus.engine.eval;

import java.util.List;
import java.util.SplittableRandom;
import org.sinus.api.data.LabelSpace;

/** Small prediction sets for the eval tests. */
final class EvalFixtures {
  private EvalFixtures() {}

  static LabelSpace multiLabel(String... classes) {
    return new LabelSpace("test-task", List.of(classes), true);
  }

  static LabelSpace singleLabel(String... classes) {
    return new LabelSpace("test-task", List.of(classes), false);
  }

  /** A one-class predictions set from a score column and 0/1 labels. */
  static Predictions column(String split, String name, float[] scores, int... labels) {
    boolean[] targets = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      targets[i] = labels[i] == 1;
    }
    return Predictions.of(split, multiLabel(name), scores, targets);
  }

  /**
   * Records {@code from .. from+n-1} of the deterministic data set that sklearn_reference.py's
   * {@code generated()} builds with the same float32 arithmetic: score {@code h / 22} with
   * {@code h = (i·7919 + c·104729) mod 23}, label 1 when {@code h + (i·31 + c·7) mod 13 ≥ 18 + c}.
   */
  static Predictions generated(String split, int from, int n, String... classes) {
    int k = classes.length;
    float[] scores = new float[n * k];
    boolean[] targets = new boolean[n * k];
    for (int r = 0; r < n; r++) {
      int i = from + r;
      for (int c = 0; c < k; c++) {
        int h = (i * 7919 + c * 104729) % 23;
        scores[r * k + c] = h / 22f;
        targets[r * k + c] = h + (i * 31 + c * 7) % 13 >= 18 + c;
      }
    }
    return Predictions.of(split, multiLabel(classes), scores, targets);
  }

  /**
   * Random multi-label predictions: each class positive with probability {@code prevalence[c]}, scores
   * drawn so that a positive tends to score higher (AUC about 0.85), rounded to 1/100 to create ties.
   */
  static Predictions random(String split, int n, long seed, double[] prevalence, String... classes) {
    int k = classes.length;
    SplittableRandom random = new SplittableRandom(seed);
    float[] scores = new float[n * k];
    boolean[] targets = new boolean[n * k];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        boolean positive = random.nextDouble() < prevalence[c];
        double z = random.nextGaussian() + (positive ? 1.5 : 0);
        scores[i * k + c] = Math.round(100 / (1 + Math.exp(-(z - 1)))) / 100f;
        targets[i * k + c] = positive;
      }
    }
    return Predictions.of(split, multiLabel(classes), scores, targets);
  }
}
