package org.sinus.api.model;

/**
 * A capability of a model of parts ({@link ModelOutput#ofParts}) whose fusion has parameters
 * fitted after training, on the validation split only (weights of the parts, a meta-model). The
 * engine predicts every part on the validation records' windows, hands them over with the
 * validation labels, assigns the returned values to the model's {@linkplain
 * org.sinus.api.nn.Network#fitted fitted variables} and saves them with the model. The test split
 * is never shown to it.
 */
public interface FusionFitting {
  /**
   * Fits the fusion on the validation split.
   *
   * @return the values of the fitted variables, and every validation record's probabilities from a
   *     fusion that was fitted without that record (cross-fitting), which the evaluation uses for
   *     the validation split (and thus for tuning decision thresholds)
   */
  FusionFit fit(FusionData validation);
}
