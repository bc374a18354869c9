package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Metrics of a single-label task where each record is predicted to have its highest-scoring class (ties
 * go to the lower class index, as numpy's argmax): accuracy, per-class confusion counts, macro F1 and the
 * confusion matrix. No thresholds are involved.
 */
public final class ArgmaxMetrics {
  private ArgmaxMetrics() {}

  /** The predicted class of every record. */
  public static int[] predictedClasses(Predictions predictions) {
    int n = predictions.records();
    int[] predicted = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int k = 1; k < predictions.classCount(); k++) {
        if (predictions.score(i, k) > predictions.score(i, best)) {
          best = k;
        }
      }
      predicted[i] = best;
    }
    return predicted;
  }

  /** The true class of every record. */
  public static int[] trueClasses(Predictions predictions) {
    requireSingleLabel(predictions);
    int[] truth = new int[predictions.records()];
    for (int i = 0; i < truth.length; i++) {
      for (int k = 0; k < predictions.classCount(); k++) {
        if (predictions.target(i, k)) {
          truth[i] = k;
        }
      }
    }
    return truth;
  }

  /** Share of records whose highest-scoring class is their class. */
  public static double accuracy(Predictions predictions) {
    return accuracyMetric(predictions).compute();
  }

  /** Confusion matrix: {@code matrix[true][predicted]} records. */
  public static long[][] confusionMatrix(Predictions predictions) {
    int[] truth = trueClasses(predictions);
    int[] predicted = predictedClasses(predictions);
    long[][] matrix = new long[predictions.classCount()][predictions.classCount()];
    for (int i = 0; i < truth.length; i++) {
      matrix[truth[i]][predicted[i]]++;
    }
    return matrix;
  }

  /** One-vs-rest confusion counts of every class under argmax predictions. */
  public static List<ConfusionCounts> counts(Predictions predictions) {
    return counts(trueClasses(predictions), predictedClasses(predictions), predictions.classCount(), null);
  }

  /** Mean F1 over the classes under argmax predictions (a class never present nor predicted is left out). */
  public static MacroAverage macroF1(Predictions predictions) {
    List<ConfusionCounts> counts = counts(predictions);
    List<MetricValue> f1 = new ArrayList<>();
    for (int k = 0; k < counts.size(); k++) {
      MetricValue value = counts.get(k).f1();
      f1.add(value.isDefined() ? value : MetricValue.undefined("class " + predictions.classes().get(k) + " in "
          + predictions.split() + ": " + value.undefinedReason() + "; left out of the argmax macro F1"));
    }
    return MacroAverage.of("F1", predictions.classes(), f1);
  }

  /** Argmax accuracy for the bootstrap. */
  public static WeightedMetric accuracyMetric(Predictions predictions) {
    int[] truth = trueClasses(predictions);
    int[] predicted = predictedClasses(predictions);
    return weights -> {
      predictions.checkWeights(weights);
      long hits = 0;
      long total = 0;
      for (int i = 0; i < truth.length; i++) {
        int w = weights == null ? 1 : weights[i];
        total += w;
        hits += truth[i] == predicted[i] ? w : 0;
      }
      return total == 0 ? Double.NaN : (double) hits / total;
    };
  }

  /**
   * Argmax macro F1 for the bootstrap, over the classes whose F1 is defined on the full predictions;
   * a resample leaves out those of them that it has no true and no predicted record of (as {@link
   * ThresholdMetrics#macroF1Metric} does).
   */
  public static WeightedMetric macroF1Metric(Predictions predictions) {
    int[] truth = trueClasses(predictions);
    int[] predicted = predictedClasses(predictions);
    int k = predictions.classCount();
    List<ConfusionCounts> full = counts(truth, predicted, k, null);
    int[] classes = IntStream.range(0, k).filter(c -> full.get(c).f1().isDefined()).toArray();
    return weights -> {
      predictions.checkWeights(weights);
      List<ConfusionCounts> counts = counts(truth, predicted, k, weights);
      double[] perClass = new double[classes.length];
      for (int c = 0; c < classes.length; c++) {
        perClass[c] = counts.get(classes[c]).f1Value();
      }
      return WeightedMetric.meanOfDefined(perClass);
    };
  }

  private static List<ConfusionCounts> counts(int[] truth, int[] predicted, int classes, int[] weights) {
    long[] tp = new long[classes];
    long[] fp = new long[classes];
    long[] fn = new long[classes];
    long total = 0;
    for (int i = 0; i < truth.length; i++) {
      int w = weights == null ? 1 : weights[i];
      total += w;
      if (truth[i] == predicted[i]) {
        tp[truth[i]] += w;
      } else {
        fn[truth[i]] += w;
        fp[predicted[i]] += w;
      }
    }
    List<ConfusionCounts> counts = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      counts.add(new ConfusionCounts(tp[c], fp[c], total - tp[c] - fp[c] - fn[c], fn[c]));
    }
    return counts;
  }

  private static void requireSingleLabel(Predictions predictions) {
    if (predictions.labels().multiLabel()) {
      throw new IllegalArgumentException("argmax metrics need a single-label task, but task '"
          + predictions.labels().task() + "' is multi-label; use ThresholdMetrics");
    }
  }
}
