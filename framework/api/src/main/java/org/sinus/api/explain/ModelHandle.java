package org.sinus.api.explain;

import java.util.List;
import java.util.Map;

/**
 * A trained model as explainers see it: batched probabilities (or logits), gradients of a chosen
 * class with respect to every input, and the activations of the feature maps the model names with
 * their gradients, computed by TensorFlow on the inference network (moving batch-norm statistics,
 * no dropout). Calls are batched by the caller; one handle is used by one thread.
 */
public interface ModelHandle {

  /** What a gradient is taken of. */
  enum Output { PROBABILITY, LOGIT }

  /** The class names, in output order. */
  List<String> classes();

  /** {@code examples.count() × classes} probabilities, row-major. */
  float[] predict(Examples examples);

  /**
   * {@code examples.count() × classes} outputs, row-major: probabilities ({@link #predict(Examples)})
   * or logits, what {@link #gradients} differentiates (e.g. to check the completeness of an
   * attribution of the logit). A handle that only has probabilities (a black-box model) keeps this
   * default, which refuses logits.
   */
  default float[] predict(Examples examples, Output output) {
    if (output == Output.PROBABILITY) {
      return predict(examples);
    }
    throw new UnsupportedOperationException("this model handle gives probabilities only, not " + output);
  }

  /**
   * For a model made of parts that each classify on their own ({@link
   * org.sinus.api.model.ModelOutput#ofParts}, e.g. the branches of a late fusion), each part's
   * {@code examples.count() × classes} probabilities, row-major, by the part's name in the model's
   * order; a part reads the model input of its own name where the model has one (as a fusion's
   * branch does). Empty for a model that is not made of parts, and for a handle that cannot tell
   * (the default).
   */
  default Map<String, float[]> predictParts(Examples examples) {
    return Map.of();
  }

  /**
   * The gradient of {@code output} of class {@code labels[i]} of example {@code i} with respect to
   * every input value of that example, in the layout of {@code examples}.
   */
  Examples gradients(Examples examples, int[] labels, Output output);

  /**
   * The names of the feature maps the model exposes ({@link org.sinus.api.nn.Network#featureMap},
   * e.g. {@code stage0}, {@code stage1}, ... of a CNN), in the order it builds them, so from the
   * input towards the output; empty if it names none (the default).
   */
  default List<String> featureMaps() {
    return List.of();
  }

  /**
   * The activations of feature map {@code layer} for every example and the gradient of
   * {@code output} of class {@code labels[i]} of example {@code i} with respect to them.
   *
   * @throws IllegalArgumentException if the model has no feature map {@code layer} (the message
   *     lists those it has)
   */
  default FeatureMapGradients featureMapGradients(Examples examples, int[] labels, Output output, String layer) {
    throw new IllegalArgumentException("no feature map '" + layer + "': the model names none");
  }
}
