package org.sinus.engine.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.util.Json;

/**
 * Writes an {@link EvaluationReport} as JSON for scripts. Undefined values are {@code null}, with the
 * reason under an {@code undefined} key beside them; keys are snake_case and stable.
 */
public final class ReportJson {
  private ReportJson() {}

  public static String render(EvaluationReport report) {
    return Json.pretty(toMap(report));
  }

  /** The report as nested maps and lists, in the order the JSON shows them. */
  public static Map<String, Object> toMap(EvaluationReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("split", report.split());
    root.put("task", report.task());
    root.put("multi_label", report.multiLabel());
    root.put("records", report.records());
    Map<String, Object> headlines = new LinkedHashMap<>();
    for (Headline headline : report.headlines()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      value(entry, "value", headline.value());
      if (headline.interval() != null) {
        entry.put("ci_lower", headline.interval().lower());
        entry.put("ci_upper", headline.interval().upper());
        entry.put("ci_confidence", headline.interval().confidence());
        if (headline.interval().undefinedResamples() > 0) {
          entry.put("ci_undefined_resamples", headline.interval().undefinedResamples());
        }
      }
      headlines.put(headline.key(), entry);
    }
    root.put("headlines", headlines);
    root.put("classes", report.classes().stream().map(ReportJson::classEntry).toList());
    Map<String, Object> macro = new LinkedHashMap<>();
    macro.put("auc", macro(report.macroAuc()));
    macro.put("average_precision", macro(report.macroAveragePrecision()));
    macro.put("f1", macro(report.macroF1()));
    root.put("macro", macro);
    root.put("exact_match_accuracy", report.exactMatch());
    if (report.argmax() != null) {
      ArgmaxResult argmax = report.argmax();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("accuracy", argmax.accuracy());
      entry.put("macro_f1", macro(argmax.macroF1()));
      Map<String, Object> perClass = new LinkedHashMap<>();
      for (int k = 0; k < argmax.perClass().size(); k++) {
        perClass.put(report.classes().get(k).name(), counts(new LinkedHashMap<>(), argmax.perClass().get(k)));
      }
      entry.put("per_class", perClass);
      entry.put("confusion_matrix", List.of((Object[]) argmax.confusionMatrix()));
      root.put("argmax", entry);
    }
    Thresholds thresholds = report.thresholds();
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("source", thresholds.source());
    t.put("tuned_on", thresholds.tunedOn());
    Map<String, Object> perClass = new LinkedHashMap<>();
    for (int k = 0; k < thresholds.classes().size(); k++) {
      perClass.put(thresholds.classes().get(k), thresholds.get(k));
    }
    t.put("values", perClass);
    root.put("thresholds", t);
    if (report.bootstrap() != null) {
      BootstrapResult b = report.bootstrap();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("resamples", b.settings().resamples());
      entry.put("confidence", b.settings().confidence());
      entry.put("seed", b.settings().seed());
      entry.put("rejected", b.rejected());
      entry.put("rejected_because", b.rejectedBecause());
      entry.put("sparse_classes", b.sparseClasses());
      root.put("bootstrap", entry);
    } else {
      root.put("bootstrap", null);
    }
    root.put("notes", report.notes());
    return root;
  }

  private static Map<String, Object> classEntry(ClassResult c) {
    Map<String, Object> entry = new LinkedHashMap<>();
    Map<String, String> undefined = new LinkedHashMap<>();
    entry.put("name", c.name());
    entry.put("positives", c.positives());
    entry.put("negatives", c.negatives());
    value(entry, undefined, "auc", c.auc());
    value(entry, undefined, "average_precision", c.averagePrecision());
    entry.put("threshold", c.threshold());
    value(entry, undefined, "precision", c.precision());
    value(entry, undefined, "recall", c.recall());
    value(entry, undefined, "f1", c.f1());
    entry.put("accuracy", c.accuracy());
    counts(entry, c.counts());
    if (!undefined.isEmpty()) {
      entry.put("undefined", undefined);
    }
    return entry;
  }

  private static Map<String, Object> counts(Map<String, Object> entry, ConfusionCounts counts) {
    entry.put("tp", counts.tp());
    entry.put("fp", counts.fp());
    entry.put("tn", counts.tn());
    entry.put("fn", counts.fn());
    return entry;
  }

  private static Map<String, Object> macro(MacroAverage average) {
    Map<String, Object> entry = new LinkedHashMap<>();
    value(entry, "value", average.value());
    entry.put("included", average.included());
    entry.put("excluded", average.excluded());
    return entry;
  }

  private static void value(Map<String, Object> entry, String key, MetricValue value) {
    entry.put(key, value.isDefined() ? value.value() : null);
    if (!value.isDefined()) {
      entry.put("undefined", value.undefinedReason());
    }
  }

  private static void value(Map<String, Object> entry, Map<String, String> undefined, String key, MetricValue value) {
    entry.put(key, value.isDefined() ? value.value() : null);
    if (!value.isDefined()) {
      undefined.put(key, value.undefinedReason());
    }
  }
}
