package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.sinus.api.data.LabelSpace;

/**
 * Area under the ROC curve, computed exactly: the Mann–Whitney U statistic with mid-ranks for tied
 * scores, divided by positives × negatives. This is the same number as scikit-learn's
 * {@code roc_auc_score}, ties included.
 *
 * <p>A class whose records are all positive, or all negative, has no AUC. Such a class gets an undefined
 * {@link MetricValue} with the reason and is left out of the {@linkplain #macro macro average}, which
 * names it.
 */
public final class RocAuc {
  private RocAuc() {}

  /** AUC of one class of the predictions, or undefined (with the class and split named) if it is one-sided. */
  public static MetricValue auc(Predictions predictions, int k) {
    String reason = predictions.oneSidedReason(k);
    if (reason != null) {
      return MetricValue.undefined(reason + "; its AUC is undefined and left out of the macro average");
    }
    return MetricValue.of(predictions.ranked(k).auc(null));
  }

  /** AUC of one score column against its labels (higher score = more likely positive). */
  public static MetricValue auc(float[] scores, boolean[] labels) {
    return auc(column(scores, labels), 0);
  }

  /** AUC of every class, in class order. */
  public static List<MetricValue> perClass(Predictions predictions) {
    List<MetricValue> values = new ArrayList<>();
    for (int k = 0; k < predictions.classCount(); k++) {
      values.add(auc(predictions, k));
    }
    return values;
  }

  /** Mean AUC over the classes that have one; the others are listed as excluded with their reason. */
  public static MacroAverage macro(Predictions predictions) {
    return MacroAverage.of("AUC", predictions.classes(), perClass(predictions));
  }

  /**
   * AUC of class k over a weighted sample of the records (record i counted {@code weights[i]} times;
   * null counts each once). NaN if the weighted sample has no positive or no negative of the class.
   */
  public static double weighted(Predictions predictions, int k, int[] weights) {
    predictions.checkWeights(weights);
    return predictions.ranked(k).auc(weights);
  }

  /**
   * Macro AUC as a {@link WeightedMetric} for the bootstrap: the mean over the classes that have an AUC
   * on the full predictions (the same classes as {@link #macro}).
   */
  public static WeightedMetric macroMetric(Predictions predictions) {
    int[] classes = definedClasses(predictions);
    return weights -> {
      double[] perClass = new double[classes.length];
      for (int c = 0; c < classes.length; c++) {
        int k = classes[c];
        perClass[c] = predictions.ranked(k).auc(weights);
      }
      return WeightedMetric.meanOfDefined(perClass);
    };
  }

  static int[] definedClasses(Predictions predictions) {
    return IntStream.range(0, predictions.classCount())
        .filter(k -> predictions.oneSidedReason(k) == null).toArray();
  }

  /**
   * The ROC curve of class k with a point per distinct score, for plotting.
   *
   * @throws IllegalArgumentException if the class has no positive or no negative record (its rates would
   *     divide by zero); check {@link #auc(Predictions, int)} first
   */
  public static RocCurve curve(Predictions predictions, int k) {
    String reason = predictions.oneSidedReason(k);
    if (reason != null) {
      throw new IllegalArgumentException(reason + "; it has no ROC curve");
    }
    RankedColumn column = predictions.ranked(k);
    int groups = column.groups();
    long[] counts = new long[2 * groups];
    column.groupCounts(null, counts);
    double positives = predictions.positives(k);
    double negatives = predictions.negatives(k);
    double[] fpr = new double[groups + 1];
    double[] tpr = new double[groups + 1];
    double[] thresholds = new double[groups + 1];
    thresholds[0] = Double.POSITIVE_INFINITY;
    long tp = 0;
    long fp = 0;
    for (int g = 0; g < groups; g++) {
      tp += counts[2 * g];
      fp += counts[2 * g + 1];
      tpr[g + 1] = tp / positives;
      fpr[g + 1] = fp / negatives;
      thresholds[g + 1] = column.groupScore(g);
    }
    return new RocCurve(fpr, tpr, thresholds);
  }

  /** The ROC curve of one score column against its labels. */
  public static RocCurve curve(float[] scores, boolean[] labels) {
    return curve(column(scores, labels), 0);
  }

  /** A one-class {@link Predictions} around a bare column, for the array overloads. */
  static Predictions column(float[] scores, boolean[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
    }
    return Predictions.of("the given scores", new LabelSpace("column", List.of("positive"), true),
        scores, labels);
  }
}
