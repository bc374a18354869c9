package org.sinus.api.explain;

import org.sinus.api.plugin.ExtensionPoint;

/**
 * Attributes a model's prediction of one class to the parts of its input (gradients, SHAP, LIME,
 * occlusion, ...). Built from its config block by a factory bound to {@link #POINT}, which reads
 * every hyperparameter from there; an explainer is stateless and may be called for many targets.
 *
 * <p>Example: {@code explain { type = "gradient", times-input = true }}, run by
 * {@code sinus explain <run-dir>}.
 */
public interface Explainer {
  /** The {@code explainer} extension point. */
  ExtensionPoint<Explainer> POINT = ExtensionPoint.of("explainer", Explainer.class,
      "attributions of a prediction to the parts of its input");

  /**
   * Explains the prediction of {@code target.label()} for the target's window or whole record.
   *
   * @param context the trained model (probabilities and gradients), its inputs and
   *     representations, background examples of the training split, and how a record is scored
   */
  Explanation explain(ExplainerContext context, ExplainTarget target);
}
