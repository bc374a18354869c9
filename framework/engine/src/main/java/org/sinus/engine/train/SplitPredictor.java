package org.sinus.engine.train;

import org.sinus.api.data.Windows;

import org.sinus.engine.train.TrainingSettings.Aggregate;

/**
 * Probabilities per record of a set of records: every record is cut into sliding windows, windows
 * are predicted in batches, and each record's window probabilities are aggregated (max or mean),
 * as the PTB-XL benchmark evaluates.
 */
public final class SplitPredictor {
  private final ExampleEncoder encoder;
  private final int stride;
  private final Aggregate aggregate;
  private final int batchSize;

  public SplitPredictor(ExampleEncoder encoder, int strideSamples, Aggregate aggregate, int batchSize) {
    this.encoder = encoder;
    this.stride = strideSamples;
    this.aggregate = aggregate;
    this.batchSize = batchSize;
  }

  /**
   * @return {@code records.length × classes} probabilities, row-major
   */
  public float[] predict(TrainingSession session, int[] records) {
    int classes = session.graph().classes();
    int[] starts = Windows.slidingStarts(encoder.data().samples(), encoder.windowSamples(), stride);
    int windows = starts.length;
    int exampleSize = encoder.shape().size();
    float[] result = new float[records.length * classes];
    if (aggregate == Aggregate.MAX) {
      java.util.Arrays.fill(result, Float.NEGATIVE_INFINITY);
    }
    int recordsPerBatch = Math.max(1, batchSize / windows);
    float[] inputs = new float[recordsPerBatch * windows * exampleSize];
    for (int first = 0; first < records.length; first += recordsPerBatch) {
      int count = Math.min(recordsPerBatch, records.length - first);
      int examples = count * windows;
      for (int r = 0; r < count; r++) {
        for (int w = 0; w < windows; w++) {
          encoder.encode(records[first + r], starts[w], inputs, (r * windows + w) * exampleSize);
        }
      }
      float[] probabilities = session.predict(inputs, examples);
      for (int r = 0; r < count; r++) {
        int row = (first + r) * classes;
        for (int w = 0; w < windows; w++) {
          int window = (r * windows + w) * classes;
          for (int c = 0; c < classes; c++) {
            float p = probabilities[window + c];
            if (aggregate == Aggregate.MAX) {
              result[row + c] = Math.max(result[row + c], p);
            } else {
              result[row + c] += p / windows;
            }
          }
        }
      }
    }
    return result;
  }
}
