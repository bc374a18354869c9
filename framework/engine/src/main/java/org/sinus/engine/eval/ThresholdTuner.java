package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses, per class, the threshold that maximises F1 on the predictions it is given. Give it the
 * validation split and apply the result to test: tuning on the split you report leaks its labels into
 * the result, and the {@link Evaluator} refuses thresholds tuned on {@code test}.
 *
 * <p>The candidates are the class's distinct scores (a record is positive when its score is at least
 * the threshold), so the tuned F1 is reproduced exactly when the thresholds are applied to the same
 * predictions. F1 values are compared exactly, as fractions of counts; among thresholds with the same
 * best F1 the highest is taken (the fewest positive predictions), so the result does not depend on
 * record order or rounding.
 *
 * <p>A class without positive records cannot be tuned (every threshold gives F1 0 or 0/0): its threshold
 * is set just above its highest score, so the class is never predicted, and the result carries a note.
 */
public final class ThresholdTuner {
  private ThresholdTuner() {}

  /** Per-class thresholds maximising F1 on {@code predictions}, which should be the validation split. */
  public static Thresholds tune(Predictions predictions) {
    int classes = predictions.classCount();
    double[] values = new double[classes];
    List<MetricValue> f1 = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      RankedColumn column = predictions.ranked(k);
      long positives = predictions.positives(k);
      if (positives == 0) {
        float highest = column.groupScore(0);
        values[k] = Math.nextUp((double) highest);
        String reason = "class " + predictions.classes().get(k) + " has no positive records in " + predictions.split()
            + ", so its threshold cannot be tuned; it is set just above the highest score (" + highest
            + ") and the class is never predicted";
        f1.add(MetricValue.undefined(reason));
        notes.add(reason);
        continue;
      }
      long[] counts = new long[2 * column.groups()];
      column.groupCounts(null, counts);
      long tp = 0;
      long fp = 0;
      long bestTp = -1;
      long bestDenominator = 1;
      int best = -1;
      for (int g = 0; g < column.groups(); g++) {
        tp += counts[2 * g];
        fp += counts[2 * g + 1];
        long denominator = tp + fp + positives; // 2TP + FP + FN with FN = positives - TP
        // tp/denominator > bestTp/bestDenominator, compared exactly; ties keep the earlier (higher) threshold
        if (best < 0 || tp * bestDenominator > bestTp * denominator) {
          best = g;
          bestTp = tp;
          bestDenominator = denominator;
        }
      }
      values[k] = column.groupScore(best);
      f1.add(MetricValue.of(2.0 * bestTp / bestDenominator));
    }
    return new Thresholds(predictions.classes(), values, predictions.split(), f1, notes);
  }
}
