package org.sinus.api.representation;

/**
 * A fitted representation whose example values can be traced back to the samples of the window
 * they were computed from (optional capability), so that an attribution over the example becomes
 * an attribution over the 12 leads × time: directly for the time domain, through the time axis of
 * a scalogram. A spectrum, whose values mix every sample of a frame, has no such projection; its
 * attributions stay in its own domain, or an explainer perturbs the signal instead.
 */
public interface SignalProjection {

  /**
   * Relevance per window sample and lead, {@code windowSamples × leads} values time-major, from a
   * relevance per example value: each example value's relevance is shared among the samples it
   * was computed from.
   */
  float[] toSignal(float[] relevance, int windowSamples);
}
