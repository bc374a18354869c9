package org.sinus.engine.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run minus the baseline, paired: both scored on the same resamples of the same records.
 *
 * @param run the run's label
 * @param macroAuc the difference of macro AUC
 * @param classAuc the difference of each class's AUC, in class order
 */
public record RunDifference(String run, Difference macroAuc, Map<String, Difference> classAuc) {
  public RunDifference {
    classAuc = Collections.unmodifiableMap(new LinkedHashMap<>(classAuc));
  }
}
