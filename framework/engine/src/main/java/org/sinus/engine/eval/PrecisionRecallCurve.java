package org.sinus.engine.eval;

/**
 * Points of a precision–recall curve, one per distinct score from the highest down: point j counts as
 * positive every record scoring at least {@code thresholds[j]}. As scikit-learn's {@code
 * precision_recall_curve} read backwards, without its final point (recall 0, precision 1), which no
 * threshold reaches. The {@linkplain #area area} under its steps is the {@link AveragePrecision}.
 *
 * @param recall recall (sensitivity) of each point, non-decreasing
 * @param precision precision of each point
 * @param thresholds the score threshold of each point, decreasing
 */
public record PrecisionRecallCurve(double[] recall, double[] precision, double[] thresholds) {
  public PrecisionRecallCurve {
    if (recall.length != precision.length || recall.length != thresholds.length) {
      throw new IllegalArgumentException("recall, precision and thresholds must have one entry per point");
    }
  }

  public int size() {
    return recall.length;
  }

  /** {@code Σ (R_j − R_j−1) P_j} with R_0 = 0: the average precision, for a full curve. */
  public double area() {
    double sum = 0;
    for (int j = 0; j < recall.length; j++) {
      sum += (recall[j] - (j == 0 ? 0 : recall[j - 1])) * precision[j];
    }
    return sum;
  }
}
