package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unweighted mean of a per-class metric over the classes where it is defined, naming the classes
 * left out and why.
 *
 * @param value the mean, or undefined when no class has the metric
 * @param included the classes averaged, in class order
 * @param excluded the classes left out, each with the reason, in class order
 */
public record MacroAverage(MetricValue value, List<String> included, Map<String, String> excluded) {
  public MacroAverage {
    included = List.copyOf(included);
    excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
  }

  /**
   * Averages {@code perClass} (in the order of {@code classes}) over its defined values.
   *
   * @param metric the metric's name for the message when no class is defined, e.g. {@code AUC}
   */
  public static MacroAverage of(String metric, List<String> classes, List<MetricValue> perClass) {
    if (classes.size() != perClass.size()) {
      throw new IllegalArgumentException(classes.size() + " classes but " + perClass.size() + " values");
    }
    List<String> included = new ArrayList<>();
    Map<String, String> excluded = new LinkedHashMap<>();
    double sum = 0;
    for (int k = 0; k < classes.size(); k++) {
      MetricValue v = perClass.get(k);
      if (v.isDefined()) {
        included.add(classes.get(k));
        sum += v.value();
      } else {
        excluded.put(classes.get(k), v.undefinedReason());
      }
    }
    MetricValue mean = included.isEmpty()
        ? MetricValue.undefined("no class has a defined " + metric)
        : MetricValue.of(sum / included.size());
    return new MacroAverage(mean, included, excluded);
  }

  /** One sentence naming the excluded classes, or an empty string when none was excluded. */
  public String exclusionNote(String metric) {
    if (excluded.isEmpty()) {
      return "";
    }
    return "macro " + metric + " averages " + included.size() + " of " + (included.size() + excluded.size())
        + " classes; left out: " + String.join(", ", excluded.keySet());
  }
}
