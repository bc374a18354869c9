package org.sinus.api.representation;

/**
 * A window of one record to encode: samples {@code [start, start + length)} of {@code signal}, a
 * whole record of {@code samples × channels} values, time-major.
 *
 * @param index the record's index in the dataset (representations with a per-record cache use it)
 * @param signal the whole record, {@code [samples, channels]}
 * @param start first sample of the window
 * @param length samples in the window
 */
public record RecordWindow(int index, float[] signal, int start, int length) {}
