package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Average precision: the area under the precision–recall curve as a step sum, {@code Σ (R_t − R_t−1) P_t}
 * over the distinct score thresholds t from the highest down, with no interpolation. The same number as
 * scikit-learn's {@code average_precision_score}, ties included (tied records enter together).
 *
 * <p>A class without positive records has no average precision (recall divides by zero): it gets an
 * undefined {@link MetricValue} and is left out of the macro average. A class whose records are all
 * positive has precision 1 everywhere, so AP 1.
 */
public final class AveragePrecision {
  private AveragePrecision() {}

  /** AP of class k, or undefined (class and split named) if the class has no positive record. */
  public static MetricValue of(Predictions predictions, int k) {
    if (predictions.positives(k) == 0) {
      return MetricValue.undefined(predictions.oneSidedReason(k)
          + "; its average precision is undefined and left out of the macro average");
    }
    return MetricValue.of(predictions.ranked(k).averagePrecision(null));
  }

  /** AP of one score column against its labels. */
  public static MetricValue of(float[] scores, boolean[] labels) {
    return of(RocAuc.column(scores, labels), 0);
  }

  public static List<MetricValue> perClass(Predictions predictions) {
    List<MetricValue> values = new ArrayList<>();
    for (int k = 0; k < predictions.classCount(); k++) {
      values.add(of(predictions, k));
    }
    return values;
  }

  /** Mean AP over the classes with positive records; the others are listed as excluded. */
  public static MacroAverage macro(Predictions predictions) {
    return MacroAverage.of("average precision", predictions.classes(), perClass(predictions));
  }

  /**
   * The precision–recall curve of class k with a point per distinct score, for plotting; the area
   * under its steps is {@link #of(Predictions, int)}.
   *
   * @throws IllegalArgumentException if the class has no positive record (recall would divide by zero)
   */
  public static PrecisionRecallCurve curve(Predictions predictions, int k) {
    if (predictions.positives(k) == 0) {
      throw new IllegalArgumentException(predictions.oneSidedReason(k) + "; it has no precision-recall curve");
    }
    RankedColumn column = predictions.ranked(k);
    int groups = column.groups();
    long[] counts = new long[2 * groups];
    column.groupCounts(null, counts);
    double positives = predictions.positives(k);
    double[] recall = new double[groups];
    double[] precision = new double[groups];
    double[] thresholds = new double[groups];
    long tp = 0;
    long fp = 0;
    for (int g = 0; g < groups; g++) {
      tp += counts[2 * g];
      fp += counts[2 * g + 1];
      recall[g] = tp / positives;
      precision[g] = (double) tp / (tp + fp);
      thresholds[g] = column.groupScore(g);
    }
    return new PrecisionRecallCurve(recall, precision, thresholds);
  }

  /** AP of class k over a weighted sample (see {@link RocAuc#weighted}); NaN without a positive. */
  public static double weighted(Predictions predictions, int k, int[] weights) {
    predictions.checkWeights(weights);
    return predictions.ranked(k).averagePrecision(weights);
  }

  /** Macro AP for the bootstrap, over the classes that have positives in the full predictions. */
  public static WeightedMetric macroMetric(Predictions predictions) {
    int[] classes = IntStream.range(0, predictions.classCount()).filter(k -> predictions.positives(k) > 0).toArray();
    return weights -> {
      double[] perClass = new double[classes.length];
      for (int c = 0; c < classes.length; c++) {
        int k = classes[c];
        perClass[c] = predictions.ranked(k).averagePrecision(weights);
      }
      return WeightedMetric.meanOfDefined(perClass);
    };
  }
}
