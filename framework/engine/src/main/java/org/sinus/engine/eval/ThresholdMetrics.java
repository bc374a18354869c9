package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Metrics of the yes/no decisions made by per-class {@link Thresholds}: confusion counts and F1 per
 * class, macro F1, and exact-match (subset) accuracy, the share of records whose every label is right.
 */
public final class ThresholdMetrics {
  private ThresholdMetrics() {}

  /** Confusion counts of every class at its threshold. */
  public static List<ConfusionCounts> counts(Predictions predictions, Thresholds thresholds) {
    check(predictions, thresholds);
    List<ConfusionCounts> counts = new ArrayList<>();
    for (int k = 0; k < predictions.classCount(); k++) {
      counts.add(ConfusionCounts.at(predictions, k, thresholds.get(k)));
    }
    return counts;
  }

  /**
   * Mean F1 over the classes where it is defined. A class is left out (and named) only when it has no
   * positive record and none is predicted; scikit-learn would count such a class as 0.
   */
  public static MacroAverage macroF1(Predictions predictions, Thresholds thresholds) {
    List<ConfusionCounts> counts = counts(predictions, thresholds);
    List<MetricValue> f1 = new ArrayList<>();
    for (int k = 0; k < counts.size(); k++) {
      MetricValue value = counts.get(k).f1();
      f1.add(value.isDefined() ? value : MetricValue.undefined("class " + predictions.classes().get(k) + " in "
          + predictions.split() + ": " + value.undefinedReason() + "; left out of the macro F1"));
    }
    return MacroAverage.of("F1", predictions.classes(), f1);
  }

  /** Share of records whose predicted label set equals the true one (every class right). */
  public static double exactMatch(Predictions predictions, Thresholds thresholds) {
    return exactMatchMetric(predictions, thresholds).compute();
  }

  /** Macro F1 for the bootstrap, over the classes whose F1 is defined on the full predictions. */
  public static WeightedMetric macroF1Metric(Predictions predictions, Thresholds thresholds) {
    List<ConfusionCounts> full = counts(predictions, thresholds);
    int[] classes = IntStream.range(0, full.size()).filter(k -> full.get(k).f1().isDefined()).toArray();
    return weights -> {
      double[] perClass = new double[classes.length];
      for (int c = 0; c < classes.length; c++) {
        int k = classes[c];
        perClass[c] = ConfusionCounts.at(predictions, k, thresholds.get(k), weights).f1Value();
      }
      return WeightedMetric.meanOfDefined(perClass);
    };
  }

  /** Exact-match accuracy for the bootstrap. */
  public static WeightedMetric exactMatchMetric(Predictions predictions, Thresholds thresholds) {
    check(predictions, thresholds);
    int n = predictions.records();
    boolean[] right = new boolean[n];
    Arrays.fill(right, true);
    for (int k = 0; k < predictions.classCount(); k++) {
      float[] scores = predictions.scoreColumn(k);
      boolean[] targets = predictions.targetColumn(k);
      double threshold = thresholds.get(k);
      for (int i = 0; i < n; i++) {
        right[i] &= (scores[i] >= threshold) == targets[i];
      }
    }
    return weights -> {
      predictions.checkWeights(weights);
      long hits = 0;
      long total = 0;
      for (int i = 0; i < n; i++) {
        int w = weights == null ? 1 : weights[i];
        total += w;
        hits += right[i] ? w : 0;
      }
      return total == 0 ? Double.NaN : (double) hits / total;
    };
  }

  static void check(Predictions predictions, Thresholds thresholds) {
    if (!thresholds.classes().equals(predictions.classes())) {
      throw new IllegalArgumentException("thresholds are for classes " + thresholds.classes() + " but the "
          + predictions.split() + " predictions have classes " + predictions.classes());
    }
  }
}
