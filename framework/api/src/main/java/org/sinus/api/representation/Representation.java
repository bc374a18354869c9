package org.sinus.api.representation;

import com.typesafe.config.Config;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.plugin.ExtensionPoint;

/**
 * Turns a window of a multichannel signal into the float tensor a model consumes (time domain,
 * spectrum, scalogram, ...). Built from its config block by a factory bound to {@link #POINT};
 * holds only its settings. What it learns from data is a separate, immutable value:
 * {@link #fit} returns a {@link FittedRepresentation}, which encodes windows and whose
 * {@link FittedRepresentation#state() state} is saved with the run and given back to
 * {@link #restore} when the run is resumed, evaluated or used for predictions.
 *
 * <p>Lifecycle, on the main thread: {@link #shape} (before any data is read, to check that the
 * model can read the examples), then {@link #fit} on the training records only, or
 * {@link #restore}. The fitted representation's {@code encode} runs on the batch-preparing
 * threads, concurrently.
 *
 * <p>Example: {@code representation { type = "time", standardize = "global" }} encodes a 2.5 s
 * window of 12 leads at 100 Hz as {@code [1, 250, 12]}, standardized with the mean and standard
 * deviation of the training records.
 */
public interface Representation {
  /** The {@code representation} extension point. */
  ExtensionPoint<Representation> POINT = ExtensionPoint.of("representation", Representation.class,
      "signal windows to the tensors a network reads");

  /**
   * Shape of the example made from a window of {@code windowSamples} samples of signals in
   * {@code format}. Settings that cannot work with the format (a frequency above Nyquist, a
   * window shorter than a frame) fail here with a {@link org.sinus.api.SinusException} of exit code
   * {@code CONFIG}, before anything is fitted.
   */
  ExampleShape shape(SignalFormat format, int windowSamples);

  /**
   * Fits what the representation learns from data (e.g. normalization statistics) on the
   * training records, which are the only records it is given.
   */
  FittedRepresentation fit(RecordSet training, FitContext context);

  /** The fitted representation whose {@link FittedRepresentation#state()} was saved. */
  FittedRepresentation restore(Config state, FitContext context);
}
