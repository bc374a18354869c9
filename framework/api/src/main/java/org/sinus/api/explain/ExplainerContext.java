package org.sinus.api.explain;

import java.util.List;
import org.sinus.api.data.SignalFormat;

/**
 * Everything an explainer may use besides its own settings.
 */
public interface ExplainerContext {

  /** The trained model. */
  ModelHandle model();

  /** The model's inputs, in its order, with the representations that make them. */
  List<InputView> inputs();

  /** Format of the records (sampling rate, samples, leads). */
  SignalFormat format();

  /** How a whole record is scored from its windows, as the evaluation does. */
  RecordScoring scoring();

  /**
   * Encodes windows of signals through every input's representation, in one pass: window
   * {@code i} is samples {@code [starts[i], starts[i] + windowSamples)} of {@code signals[i]} (a
   * whole record each, perturbed or not).
   */
  Examples encode(float[][] signals, int[] starts);

  /**
   * Background records and windows drawn from the training split only (never validation or test records), for
   * methods that replace features with "absent" values (SHAP, LIME, integrated gradients' baselines).
   *
   * @param count windows to draw (fewer if the training split has fewer records)
   * @param seed seeds the draw
   */
  Background background(int count, long seed);
}
