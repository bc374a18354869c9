package org.sinus.engine.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep: the overrides it puts on the base experiment, as {@code sinus train --set} takes them.
 *
 * @param overrides dotted key to its value as HOCON text ({@code model.filters -> 32}), in the sweep file's order
 * @param locations dotted key to where the sweep file sets it ({@code file:line}), for messages
 */
public record SweepPoint(Map<String, String> overrides, Map<String, String> locations) {
  public SweepPoint {
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    locations = Map.copyOf(locations);
  }

  /** {@code key=value} for each override, what {@link org.sinus.engine.config.ExperimentLoader#load} takes. */
  public List<String> settings() {
    List<String> settings = new ArrayList<>();
    overrides.forEach((key, value) -> settings.add(key + "=" + value));
    return settings;
  }

  /** For people: {@code model.filters=32, seed=0}, or {@code the base experiment} for a point without overrides. */
  public String label() {
    return overrides.isEmpty() ? "the base experiment" : String.join(", ", settings());
  }
}
