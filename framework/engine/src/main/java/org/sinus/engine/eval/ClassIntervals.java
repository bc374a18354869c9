package org.sinus.engine.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bootstrap intervals of each class's own metrics: ROC AUC, average precision and, at the class's
 * decision threshold, F1, sensitivity (recall) and specificity. The {@link Evaluator} gives intervals of
 * the macro averages only; these are for per-class tables. With the evaluation's bootstrap settings they
 * are drawn from the same resamples as its headline intervals (the resamples depend on the seed, the
 * records and the rejection rule, not on the metrics).
 *
 * <pre>{@code
 * ClassIntervals intervals = ClassIntervals.of(predictions, thresholds, BootstrapSettings.defaults());
 * ConfidenceInterval auc = intervals.interval("MI", ClassIntervals.AUC);
 * }</pre>
 */
public final class ClassIntervals {
  public static final String AUC = "auc";
  public static final String AVERAGE_PRECISION = "average_precision";
  public static final String F1 = "f1";
  public static final String SENSITIVITY = "sensitivity";
  public static final String SPECIFICITY = "specificity";
  /** The metrics, in the order tables show them. */
  public static final List<String> METRICS = List.of(AUC, AVERAGE_PRECISION, F1, SENSITIVITY, SPECIFICITY);

  private final BootstrapResult bootstrap;

  private ClassIntervals(BootstrapResult bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Resamples the records and computes every class's metrics on each resample. A metric that is
   * undefined on the whole split (the AUC of a class without negatives, say) gets no interval.
   *
   * @throws IllegalArgumentException if the bootstrap is off, or the thresholds are for other classes
   */
  public static ClassIntervals of(Predictions predictions, Thresholds thresholds, BootstrapSettings settings) {
    if (!settings.enabled()) {
      throw new IllegalArgumentException("per-class intervals need bootstrap resamples; got 0");
    }
    ThresholdMetrics.check(predictions, thresholds);
    Map<String, WeightedMetric> metrics = new LinkedHashMap<>();
    for (int k = 0; k < predictions.classCount(); k++) {
      int c = k;
      double threshold = thresholds.get(k);
      String name = predictions.classes().get(k);
      ConfusionCounts all = ConfusionCounts.at(predictions, k, threshold);
      putIfDefined(metrics, name, AUC, RocAuc.auc(predictions, k), w -> RocAuc.weighted(predictions, c, w));
      putIfDefined(metrics, name, AVERAGE_PRECISION, AveragePrecision.of(predictions, k),
          w -> AveragePrecision.weighted(predictions, c, w));
      putIfDefined(metrics, name, F1, all.f1(), w -> ConfusionCounts.at(predictions, c, threshold, w).f1Value());
      putIfDefined(metrics, name, SENSITIVITY, all.recall(),
          w -> ConfusionCounts.at(predictions, c, threshold, w).recall().value());
      putIfDefined(metrics, name, SPECIFICITY, all.specificity(),
          w -> ConfusionCounts.at(predictions, c, threshold, w).specificity().value());
    }
    return new ClassIntervals(new Bootstrap(settings).run(predictions, metrics));
  }

  private static void putIfDefined(Map<String, WeightedMetric> metrics, String className, String metric,
                                   MetricValue onTheSplit, WeightedMetric resampled) {
    if (onTheSplit.isDefined()) {
      metrics.put(key(className, metric), resampled);
    }
  }

  private static String key(String className, String metric) {
    return className + "\u0000" + metric;
  }

  /** The interval of one class's metric (one of {@link #METRICS}), or null if the metric is undefined on the split. */
  public ConfidenceInterval interval(String className, String metric) {
    if (!METRICS.contains(metric)) {
      throw new IllegalArgumentException("no per-class metric '" + metric + "'; have " + METRICS);
    }
    return bootstrap.intervals().get(key(className, metric));
  }

  /** The bootstrap run: its settings, and the resamples rejected and why. */
  public BootstrapResult bootstrap() {
    return bootstrap;
  }
}
