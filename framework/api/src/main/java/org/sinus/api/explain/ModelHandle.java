package org.sinus.api.explain;

import java.util.List;

/**
 * A trained model as explainers see it: batched probabilities, and gradients of a chosen class
 * with respect to every input, computed by TensorFlow on the inference network (moving batch-norm
 * statistics, no dropout). Calls are batched by the caller; one handle is used by one thread.
 */
public interface ModelHandle {

  /** What a gradient is taken of. */
  enum Output { PROBABILITY, LOGIT }

  /** The class names, in output order. */
  List<String> classes();

  /** {@code examples.count() × classes} probabilities, row-major. */
  float[] predict(Examples examples);

  /**
   * The gradient of {@code output} of class {@code labels[i]} of example {@code i} with respect to
   * every input value of that example, in the layout of {@code examples}.
   */
  Examples gradients(Examples examples, int[] labels, Output output);
}
