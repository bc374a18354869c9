package org.sinus.engine.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bootstrap run with the value of every metric on every kept resample ({@link Bootstrap#sample}).
 * Index r of every metric's values belongs to the same resample, so values of different metrics can be
 * combined resample by resample; a value is NaN where the metric was undefined on that resample.
 *
 * @param result the intervals and rejection counts, as {@link Bootstrap#run} gives them
 * @param values each metric's values, one per kept resample, by the name it was given
 */
public record BootstrapSamples(BootstrapResult result, Map<String, double[]> values) {
  public BootstrapSamples {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A copy of one metric's values, one per kept resample in the order they were drawn. */
  public double[] values(String metric) {
    double[] found = values.get(metric);
    if (found == null) {
      throw new IllegalArgumentException("no bootstrap values for '" + metric + "'; have " + values.keySet());
    }
    return found.clone();
  }
}
