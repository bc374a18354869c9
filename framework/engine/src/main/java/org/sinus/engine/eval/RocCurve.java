package org.sinus.engine.eval;

/**
 * Points of a ROC curve, from (0, 0) to (1, 1), one per distinct score: as scikit-learn's
 * {@code roc_curve(..., drop_intermediate=False)}. Point j counts as positive every record scoring at
 * least {@code thresholds[j]}; the first point's threshold is +∞ (nothing predicted positive), as in
 * scikit-learn 1.3 and later.
 *
 * @param fpr false positive rate of each point, non-decreasing
 * @param tpr true positive rate of each point, non-decreasing
 * @param thresholds the score threshold of each point, decreasing
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
  public RocCurve {
    if (fpr.length != tpr.length || fpr.length != thresholds.length) {
      throw new IllegalArgumentException("fpr, tpr and thresholds must have one entry per point");
    }
  }

  public int size() {
    return fpr.length;
  }

  /** The area under these points by the trapezoidal rule (the AUC, for a full curve). */
  public double area() {
    double sum = 0;
    for (int j = 1; j < fpr.length; j++) {
      sum += (fpr[j] - fpr[j - 1]) * (tpr[j] + tpr[j - 1]) / 2;
    }
    return sum;
  }
}
