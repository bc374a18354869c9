package org.sinus.engine.compare;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run's metrics in a comparison, each with its interval over the comparison's resamples.
 *
 * @param label how the report names the run
 * @param directory the run directory
 * @param experiment the experiment's name
 * @param seed the run's seed
 * @param thresholds where the run's decision thresholds come from, for the report
 * @param macroAuc macro ROC AUC
 * @param macroAp macro average precision
 * @param macroF1 macro F1 at the run's own thresholds
 * @param classAuc the AUC of each class that has one, in class order
 */
public record RunResult(String label, Path directory, String experiment, long seed, String thresholds, Estimate macroAuc,
                        Estimate macroAp, Estimate macroF1, Map<String, Estimate> classAuc) {
  public RunResult {
    classAuc = Collections.unmodifiableMap(new LinkedHashMap<>(classAuc));
  }
}
