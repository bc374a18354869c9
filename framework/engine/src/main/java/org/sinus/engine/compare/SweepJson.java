package org.sinus.engine.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sinus.api.util.Json;
import org.sinus.engine.eval.BootstrapResult;

/**
 * Writes a {@link SweepComparison} as JSON for scripts, in the conventions of {@link ComparisonJson}
 * (snake_case keys, estimates as {@code {"value", "ci_lower", "ci_upper"}}).
 */
public final class SweepJson {
  private SweepJson() {}

  public static String render(SweepComparison sweep) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("sweep", sweep.directory().toString());
    root.put("split", sweep.split());
    root.put("folds", sweep.folds());
    root.put("records", sweep.records());
    root.put("classes", sweep.classes());
    root.put("baseline", sweep.points().get(0).point());
    BootstrapResult bootstrap = sweep.bootstrap();
    root.put("bootstrap", ComparisonJson.resampling(bootstrap));
    root.put("pooled", sweep.pooled().stream().map(pooled -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("point", pooled.point());
      entry.put("seed", pooled.seed());
      entry.put("runs", pooled.runs().stream().map(Object::toString).toList());
      entry.put("macro_auc", ComparisonJson.estimate(pooled.macroAuc()));
      entry.put("macro_ap", ComparisonJson.estimate(pooled.macroAp()));
      entry.put("macro_f1", ComparisonJson.estimate(pooled.macroF1()));
      return entry;
    }).toList());
    root.put("points", sweep.points().stream().map(point -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("point", point.point());
      entry.put("seeds", point.seeds());
      entry.put("macro_auc_mean", ComparisonJson.estimate(point.meanAuc()));
      entry.put("macro_auc_sd", point.sdAuc());
      return entry;
    }).toList());
    root.put("differences", sweep.differences().stream().map(d -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("point", d.point());
      entry.put("baseline", d.baseline());
      entry.put("seed", d.seed());
      entry.put("macro_auc", ComparisonJson.difference(d.macroAuc()));
      return entry;
    }).toList());
    root.put("mean_differences", sweep.meanDifferences().stream().map(d -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("point", d.group());
      entry.put("baseline", d.baseline());
      entry.put("mean_macro_auc", ComparisonJson.difference(d.meanAuc()));
      return entry;
    }).toList());
    root.put("notes", sweep.notes());
    return Json.pretty(root);
  }
}
