package org.sinus.engine.eval;

/**
 * True/false positives and negatives of one class, and the rates made from them. Metrics that divide by
 * zero are undefined, with the reason, where scikit-learn would warn and return 0.
 */
public record ConfusionCounts(long tp, long fp, long tn, long fn) {
  public ConfusionCounts {
    if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
      throw new IllegalArgumentException("confusion counts cannot be negative: TP " + tp + " FP " + fp + " TN " + tn + " FN " + fn);
    }
  }

  /**
   * Counts of class k with a record predicted positive when its score is at least {@code threshold}.
   * Null weights count each record once; otherwise record i counts {@code weights[i]} times.
   */
  public static ConfusionCounts at(Predictions predictions, int k, double threshold, int[] weights) {
    predictions.checkWeights(weights);
    float[] scores = predictions.scoreColumn(k);
    boolean[] targets = predictions.targetColumn(k);
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < scores.length; i++) {
      long w = weights == null ? 1 : weights[i];
      boolean predicted = scores[i] >= threshold;
      if (predicted) {
        if (targets[i]) {
          tp += w;
        } else {
          fp += w;
        }
      } else if (targets[i]) {
        fn += w;
      } else {
        tn += w;
      }
    }
    return new ConfusionCounts(tp, fp, tn, fn);
  }

  /** Counts of class k at {@code threshold}, every record once. */
  public static ConfusionCounts at(Predictions predictions, int k, double threshold) {
    return at(predictions, k, threshold, null);
  }

  public long total() {
    return tp + fp + tn + fn;
  }

  /** Records that have the class: TP + FN. */
  public long positives() {
    return tp + fn;
  }

  /** Records predicted to have the class: TP + FP. */
  public long predictedPositives() {
    return tp + fp;
  }

  /** TP / (TP + FP); undefined when nothing is predicted positive. */
  public MetricValue precision() {
    return tp + fp == 0 ? MetricValue.undefined("no record is predicted positive, so precision TP/(TP+FP) is 0/0")
        : MetricValue.of((double) tp / (tp + fp));
  }

  /** TP / (TP + FN), the sensitivity; undefined without positive records. */
  public MetricValue recall() {
    return tp + fn == 0 ? MetricValue.undefined("no record is positive, so recall TP/(TP+FN) is 0/0")
        : MetricValue.of((double) tp / (tp + fn));
  }

  /** TN / (TN + FP), the specificity; undefined without negative records. */
  public MetricValue specificity() {
    return tn + fp == 0 ? MetricValue.undefined("no record is negative, so specificity TN/(TN+FP) is 0/0")
        : MetricValue.of((double) tn / (tn + fp));
  }

  /**
   * 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall. Undefined only when there is no
   * positive record and none is predicted (0/0); a class without positives but with false alarms has F1 0.
   */
  public MetricValue f1() {
    long denominator = 2 * tp + fp + fn;
    return denominator == 0
        ? MetricValue.undefined("no record is positive and none is predicted positive, so F1 2TP/(2TP+FP+FN) is 0/0")
        : MetricValue.of(2.0 * tp / denominator);
  }

  /** F1 as a double, NaN when undefined (for bootstrap loops). */
  double f1Value() {
    long denominator = 2 * tp + fp + fn;
    return denominator == 0 ? Double.NaN : 2.0 * tp / denominator;
  }

  /** (TP + TN) / total: how often this class's yes/no is right. */
  public double accuracy() {
    return total() == 0 ? Double.NaN : (double) (tp + tn) / total();
  }
}
