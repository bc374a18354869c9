package org.sinus.plugins.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.model.FusionData;

/** Validation outputs of branches whose informativeness is known, for tests of the fusion fits. */
final class FusionDataFixtures {
  private FusionDataFixtures() {}

  /**
   * Records with each class present at random (40%); branch {@code b}'s logit on a window is
   * {@code signal[b] · (±1 for the label) + standard normal noise}.
   */
  static FusionData branches(int records, int windows, int classes, double[] signal, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int parts = signal.length;
    boolean[] targets = new boolean[records * classes];
    float[] probabilities = new float[records * windows * parts * classes];
    for (int r = 0; r < records; r++) {
      for (int c = 0; c < classes; c++) {
        targets[r * classes + c] = random.nextDouble() < 0.4;
      }
      for (int w = 0; w < windows; w++) {
        for (int b = 0; b < parts; b++) {
          for (int c = 0; c < classes; c++) {
            double logit = signal[b] * (targets[r * classes + c] ? 1 : -1) + gaussian(random);
            probabilities[((r * windows + w) * parts + b) * classes + c] = (float) LogisticRegression.sigmoid(logit);
          }
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (int b = 0; b < parts; b++) {
      names.add("branch" + b);
    }
    List<String> classNames = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      classNames.add("C" + c);
    }
    return new FusionData(names, classNames, records, windows, probabilities, targets, RecordScoring.Aggregate.MAX, 3);
  }

  /** The same data with the label of class {@code c} of record {@code r} flipped. */
  static FusionData flipped(FusionData data, int r, int c) {
    boolean[] targets = new boolean[data.records() * data.classes().size()];
    for (int i = 0; i < data.records(); i++) {
      for (int k = 0; k < data.classes().size(); k++) {
        targets[i * data.classes().size() + k] = data.target(i, k);
      }
    }
    targets[r * data.classes().size() + c] = !targets[r * data.classes().size() + c];
    return new FusionData(data.parts(), data.classes(), data.records(), data.windows(), data.probabilities(), targets,
        data.aggregate(), data.seed());
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
