package org.sinus.api.explain;

import org.sinus.api.plugin.ExtensionPoint;

/**
 * Attributes a model's prediction for one class to the parts of its input (SHAP, LIME, gradients).
 * Built from its config block by a factory bound to {@link #POINT}; every hyperparameter comes from there.
 */
public interface Explainer {
  /** The {@code explainer} extension point. */
  ExtensionPoint<Explainer> POINT = ExtensionPoint.of("explainer", Explainer.class,
      "attributions of a prediction to the parts of its input");

  /**
   * @param predictor the trained model, as probabilities of examples
   * @param example one example, {@code predictor.shape().size()} values
   * @param label the class whose prediction is explained
   * @param seed seed of any sampling the method does
   */
  Attribution explain(Predictor predictor, float[] example, int label, long seed);
}
