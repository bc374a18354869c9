package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the predictions of one split into an {@link EvaluationReport}: per-class and macro ROC AUC
 * and average precision, F1, accuracy and confusion counts at the given thresholds, exact-match accuracy,
 * argmax accuracy and macro F1 for single-label tasks, and bootstrap intervals of the headline numbers.
 *
 * <p>Thresholds must not have been tuned on {@code test}: tune them on validation with {@link
 * ThresholdTuner} and pass them to the evaluation of every split.
 */
public final class Evaluator {
  /** Headline keys. */
  public static final String MACRO_AUC = "macro_auc";
  public static final String MACRO_AP = "macro_ap";
  public static final String MACRO_F1 = "macro_f1";
  public static final String EXACT_MATCH = "exact_match_accuracy";
  public static final String ARGMAX_ACCURACY = "argmax_accuracy";
  public static final String ARGMAX_MACRO_F1 = "argmax_macro_f1";

  private static final String TEST = "test";

  private final BootstrapSettings bootstrap;

  public Evaluator(BootstrapSettings bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Evaluates one split.
   *
   * @throws IllegalArgumentException if the thresholds are for other classes or were tuned on {@code test}
   * @throws org.sinus.api.SinusException if the bootstrap cannot keep enough resamples (a class
   *     has too few positive or negative records)
   */
  public EvaluationReport evaluate(Predictions predictions, Thresholds thresholds) {
    ThresholdMetrics.check(predictions, thresholds);
    if (TEST.equalsIgnoreCase(thresholds.tunedOn())) {
      throw new IllegalArgumentException("the thresholds for " + predictions.split()
          + " were tuned on test, which leaks test labels into the reported F1; tune them on validation");
    }
    List<String> notes = new ArrayList<>();
    List<MetricValue> auc = RocAuc.perClass(predictions);
    List<MetricValue> ap = AveragePrecision.perClass(predictions);
    List<ConfusionCounts> counts = ThresholdMetrics.counts(predictions, thresholds);
    List<ClassResult> classes = new ArrayList<>();
    for (int k = 0; k < predictions.classCount(); k++) {
      classes.add(new ClassResult(predictions.classes().get(k), predictions.positives(k), predictions.negatives(k),
          auc.get(k), ap.get(k), thresholds.get(k), counts.get(k)));
    }
    MacroAverage macroAuc = MacroAverage.of("AUC", predictions.classes(), auc);
    MacroAverage macroAp = MacroAverage.of("average precision", predictions.classes(), ap);
    MacroAverage macroF1 = ThresholdMetrics.macroF1(predictions, thresholds);
    double exactMatch = ThresholdMetrics.exactMatch(predictions, thresholds);
    macroAuc.excluded().values().forEach(notes::add);
    macroAp.excluded().values().forEach(notes::add);
    macroF1.excluded().values().forEach(notes::add);
    notes.addAll(thresholds.notes());
    if (predictions.split().equals(thresholds.tunedOn())) {
      notes.add("thresholds were tuned on " + predictions.split() + " itself, so its F1 and accuracies are optimistic");
    }

    ArgmaxResult argmax = null;
    if (!predictions.labels().multiLabel()) {
      argmax = new ArgmaxResult(ArgmaxMetrics.accuracy(predictions), ArgmaxMetrics.macroF1(predictions),
          ArgmaxMetrics.counts(predictions), ArgmaxMetrics.confusionMatrix(predictions));
      argmax.macroF1().excluded().values().forEach(notes::add);
    }

    Map<String, MetricValue> values = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, WeightedMetric> metrics = new LinkedHashMap<>();
    put(values, labels, metrics, MACRO_AUC, "macro AUC", macroAuc.value(), RocAuc.macroMetric(predictions));
    put(values, labels, metrics, MACRO_AP, "macro AP", macroAp.value(), AveragePrecision.macroMetric(predictions));
    put(values, labels, metrics, MACRO_F1, "macro F1", macroF1.value(), ThresholdMetrics.macroF1Metric(predictions, thresholds));
    put(values, labels, metrics, EXACT_MATCH, "exact-match accuracy", MetricValue.of(exactMatch),
        ThresholdMetrics.exactMatchMetric(predictions, thresholds));
    if (argmax != null) {
      put(values, labels, metrics, ARGMAX_ACCURACY, "argmax accuracy", MetricValue.of(argmax.accuracy()),
          ArgmaxMetrics.accuracyMetric(predictions));
      put(values, labels, metrics, ARGMAX_MACRO_F1, "argmax macro F1", argmax.macroF1().value(),
          ArgmaxMetrics.macroF1Metric(predictions));
    }

    BootstrapResult intervals = null;
    if (bootstrap.enabled()) {
      intervals = new Bootstrap(bootstrap).run(predictions, metrics);
      if (intervals.rejectionAbandoned()) {
        notes.add("classes " + String.join(", ", intervals.sparseClasses()) + " have so few positives or negatives that "
            + "bootstrap resamples often lack them: no resample was rejected, and each resample's macro averages leave "
            + "out the classes it has no positive or no negative of, so the intervals are approximate");
      } else if (intervals.rejected() > 0) {
        notes.add("the bootstrap rejected and redrew " + intervals.rejected() + " resamples that lacked positives or negatives of "
            + String.join(", ", intervals.rejectedBecause().keySet()));
      }
    }
    List<Headline> headlines = new ArrayList<>();
    for (String key : values.keySet()) {
      ConfidenceInterval interval = intervals != null && values.get(key).isDefined() ? intervals.interval(key) : null;
      headlines.add(new Headline(key, labels.get(key), values.get(key), interval));
    }
    return new EvaluationReport(predictions.split(), predictions.labels().task(), predictions.labels().multiLabel(),
        predictions.records(), classes, macroAuc, macroAp, macroF1, exactMatch, argmax, thresholds, headlines, intervals, notes);
  }

  private static void put(Map<String, MetricValue> values, Map<String, String> labels, Map<String, WeightedMetric> metrics,
      String key, String label, MetricValue value, WeightedMetric metric) {
    values.put(key, value);
    labels.put(key, label);
    if (value.isDefined()) {
      metrics.put(key, metric);
    }
  }
}
