package org.sinus.api.explain;

/**
 * Records of the training split with one window of each: the whole signals (for methods that
 * replace parts of a record by "absent" values taken from other records) and the windows'
 * examples as the model reads them (for baselines in the input domain).
 *
 * @param records whole signals, {@code samples × leads} each, time-major
 * @param starts the first sample of each record's window
 * @param examples the encoded windows, in the same order
 */
public record Background(float[][] records, int[] starts, Examples examples) {}
