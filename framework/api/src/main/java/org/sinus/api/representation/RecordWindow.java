package org.sinus.api.representation;

/**
 * A window of one record to encode: samples {@code [start, start + length)} of {@code signal}, a
 * whole record of {@code samples × channels} values, time-major.
 *
 * @param index the record's index in the dataset, for representations that cache per record; −1
 *     for a signal that is not an unchanged dataset record (a new recording, or a record an
 *     explainer perturbed), which must be computed from {@code signal}
 * @param signal the whole record, {@code [samples, channels]}
 * @param start first sample of the window
 * @param length samples in the window
 */
public record RecordWindow(int index, float[] signal, int start, int length) {

  /** A window of a signal that is not an unchanged dataset record. */
  public static RecordWindow of(float[] signal, int start, int length) {
    return new RecordWindow(-1, signal, start, length);
  }
}
