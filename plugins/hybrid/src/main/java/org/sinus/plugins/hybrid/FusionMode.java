package org.sinus.plugins.hybrid;

import java.util.Locale;

/** How a late fusion joins its branches ({@code fusion = ...}). */
enum FusionMode {
  /** Mean of the branches' probabilities. */
  AVERAGE,
  /** Per-class weights of the branches' probabilities, fitted on validation and shrunk towards equal. */
  WEIGHTED,
  /** Per-class logistic regression on the branches' logits, cross-fitted on validation. */
  STACKING,
  /** A fusion head on the branches' features, trained end to end. */
  JOINT;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
