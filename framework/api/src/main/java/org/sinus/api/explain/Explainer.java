package org.sinus.api.explain;

/**
 * Attributes a model's prediction for one class to the parts of its input (SHAP, LIME, gradients).
 * Built from its config block by an {@link ExplainerFactory}; every hyperparameter comes from there.
 */
public interface Explainer {

  /**
   * @param predictor the trained model, as probabilities of examples
   * @param example one example, {@code predictor.shape().size()} values
   * @param label the class whose prediction is explained
   * @param seed seed of any sampling the method does
   */
  Attribution explain(Predictor predictor, float[] example, int label, long seed);
}
