package org.sinus.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted fusion.
 *
 * @param variables the values of the model's fitted variables, by the name the model gave them
 *     ({@link org.sinus.api.nn.Network#fitted}), row-major in each variable's shape
 * @param outOfFold {@code [record][class]} validation probabilities, each from a fusion fitted
 *     without that record
 * @param details what the report should say about the fit (chosen shrinkage, weights, ...)
 */
public record FusionFit(Map<String, float[]> variables, float[] outOfFold, Map<String, Object> details) {
  public FusionFit {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
