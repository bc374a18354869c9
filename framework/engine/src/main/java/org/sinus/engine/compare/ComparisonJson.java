package org.sinus.engine.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sinus.api.util.Json;
import org.sinus.engine.eval.BootstrapResult;
import org.sinus.engine.eval.ConfidenceInterval;

/**
 * Writes a {@link Comparison} as JSON for scripts: snake_case keys in a stable order; an estimate is
 * {@code {"value", "ci_lower", "ci_upper"}}, a difference adds {@code share_better} and {@code share_tied};
 * undefined values are {@code null}.
 */
public final class ComparisonJson {
  private ComparisonJson() {}

  public static String render(Comparison comparison) {
    return Json.pretty(toMap(comparison));
  }

  /** The comparison as nested maps and lists, in the order the JSON shows them. */
  public static Map<String, Object> toMap(Comparison comparison) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("split", comparison.split());
    root.put("records", comparison.records());
    root.put("classes", comparison.classes());
    root.put("baseline", comparison.baseline().label());
    BootstrapResult bootstrap = comparison.bootstrap();
    root.put("bootstrap", resampling(bootstrap));
    root.put("runs", comparison.runs().stream().map(ComparisonJson::run).toList());
    root.put("differences", comparison.differences().stream().map(d -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("run", d.run());
      entry.put("baseline", comparison.baseline().label());
      entry.put("macro_auc", difference(d.macroAuc()));
      Map<String, Object> perClass = new LinkedHashMap<>();
      d.classAuc().forEach((name, value) -> perClass.put(name, difference(value)));
      entry.put("class_auc", perClass);
      return entry;
    }).toList());
    root.put("seed_groups", comparison.groups().stream().map(ComparisonJson::group).toList());
    root.put("group_differences", comparison.groupDifferences().stream().map(d -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("group", d.group());
      entry.put("baseline", d.baseline());
      entry.put("mean_macro_auc", difference(d.meanAuc()));
      return entry;
    }).toList());
    root.put("notes", comparison.notes());
    return root;
  }

  private static Map<String, Object> run(RunResult run) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("run", run.label());
    entry.put("path", run.directory().toString());
    entry.put("experiment", run.experiment());
    entry.put("seed", run.seed());
    entry.put("thresholds", run.thresholds());
    entry.put("macro_auc", estimate(run.macroAuc()));
    entry.put("macro_ap", estimate(run.macroAp()));
    entry.put("macro_f1", estimate(run.macroF1()));
    Map<String, Object> perClass = new LinkedHashMap<>();
    run.classAuc().forEach((name, value) -> perClass.put(name, estimate(value)));
    entry.put("class_auc", perClass);
    return entry;
  }

  private static Map<String, Object> group(GroupResult group) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("group", group.label());
    entry.put("experiment", group.experiment());
    entry.put("runs", group.runs());
    entry.put("seeds", group.seeds());
    entry.put("holds_baseline", group.holdsBaseline());
    entry.put("macro_auc_mean", estimate(group.meanAuc()));
    entry.put("macro_auc_sd", group.sdAuc());
    return entry;
  }

  /** How the paired bootstrap of a comparison resampled the records. */
  static Map<String, Object> resampling(BootstrapResult bootstrap) {
    Map<String, Object> resampling = new LinkedHashMap<>();
    resampling.put("resamples", bootstrap.settings().resamples());
    resampling.put("confidence", bootstrap.settings().confidence());
    resampling.put("seed", bootstrap.settings().seed());
    resampling.put("paired", true);
    resampling.put("rejected", bootstrap.rejected());
    resampling.put("rejected_because", bootstrap.rejectedBecause());
    resampling.put("sparse_classes", bootstrap.sparseClasses());
    return resampling;
  }

  static Map<String, Object> estimate(Estimate estimate) {
    return interval(estimate.value(), estimate.interval());
  }

  static Map<String, Object> difference(Difference difference) {
    Map<String, Object> entry = interval(difference.value(), difference.interval());
    entry.put("share_better", difference.shareBetter());
    entry.put("share_tied", difference.shareTied());
    return entry;
  }

  private static Map<String, Object> interval(double value, ConfidenceInterval interval) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("value", value);
    entry.put("ci_lower", interval.lower());
    entry.put("ci_upper", interval.upper());
    if (interval.undefinedResamples() > 0) {
      entry.put("ci_undefined_resamples", interval.undefinedResamples());
    }
    return entry;
  }
}
