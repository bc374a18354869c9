package org.sinus.api.explain;

import org.sinus.api.representation.ExampleShape;

/**
 * How much each input value contributed to the prediction of one class.
 *
 * @param values one score per input value, in the example's {@code [height, width, channels]} layout
 * @param shape the example shape
 * @param label the explained class
 * @param method the explainer's type name
 */
public record Attribution(float[] values, ExampleShape shape, int label, String method) {}
