package org.sinus.api.representation;

import java.util.Map;

/**
 * A representation with everything it learned from the training records: encodes windows into
 * examples. Immutable after creation; {@link #encode} is called from several threads at once.
 *
 * <p>Optional capabilities are interfaces a fitted representation may also implement:
 * {@link Previewable} (a picture of an example, for {@code sinus data show}) and
 * {@link SignalProjection} (relevance of example values mapped back to leads × time, for
 * explanations).
 */
public interface FittedRepresentation {

  /** Shape of every example it encodes. */
  ExampleShape shape();

  /**
   * Writes the example of a window into {@code out} at {@code offset}, {@link ExampleShape#size()}
   * values in {@code [height, width, channels]} order. Safe to call from several threads. The
   * window's signal may be a dataset record or any other signal of the same format (a new
   * recording, or a record perturbed by an explainer: {@link RecordWindow#index()} is then −1).
   */
  void encode(RecordWindow window, float[] out, int offset);

  /** What was fitted, as a JSON-able map saved with the run ({@link Representation#restore}). */
  Map<String, Object> state();

  /**
   * Told before the records of a split are encoded (validation before training, test at the
   * end), so that a representation that caches per record can compute them in one pass. The
   * default does nothing.
   */
  default void precompute(RecordSet records) {}
}
