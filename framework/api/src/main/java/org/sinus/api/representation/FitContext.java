package org.sinus.api.representation;

import org.sinus.api.data.DataContext;
import org.sinus.api.data.SignalFormat;

/**
 * What a representation knows when it is fitted or restored besides the records.
 *
 * @param format the records' sampling rate, length and leads
 * @param windowSamples samples per window the model reads (the training crop)
 * @param evaluationStride samples between the sliding windows of validation and test records
 * @param data cache directory, threads and progress reporting
 * @param dataName the dataset's name, e.g. {@code ptbxl} (for cache file names)
 * @param dataKey identifies the dataset's records, labels and settings (source, fingerprint), for cache keys
 */
public record FitContext(SignalFormat format, int windowSamples, int evaluationStride, DataContext data,
                         String dataName, String dataKey) {}
