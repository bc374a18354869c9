package org.sinus.engine.train;

import java.util.Arrays;
import org.sinus.api.explain.RecordScoring;

/**
 * Probabilities per record of a set of records: every record is cut into sliding windows, windows
 * are predicted in batches, and each record's window probabilities are aggregated (max or mean),
 * as the PTB-XL benchmark evaluates.
 */
public final class SplitPredictor {
  private final ExampleEncoder encoder;
  private final RecordScoring scoring;
  private final int batchSize;

  public SplitPredictor(ExampleEncoder encoder, RecordScoring scoring, int batchSize) {
    this.encoder = encoder;
    this.scoring = scoring;
    this.batchSize = batchSize;
  }

  public RecordScoring scoring() {
    return scoring;
  }

  public ExampleEncoder encoder() {
    return encoder;
  }

  /**
   * @return {@code records.length × classes} probabilities, row-major
   */
  public float[] predict(TrainingSession session, int[] records) {
    int classes = session.graph().classes();
    int windows = scoring.starts(encoder.data().samples()).length;
    boolean max = scoring.aggregate() == RecordScoring.Aggregate.MAX;
    float[] result = new float[records.length * classes];
    if (max) {
      Arrays.fill(result, Float.NEGATIVE_INFINITY);
    }
    forEachBatch(records, (first, count, inputs) -> {
      float[] probabilities = session.predict(inputs, count * windows);
      for (int r = 0; r < count; r++) {
        int row = (first + r) * classes;
        for (int w = 0; w < windows; w++) {
          int window = (r * windows + w) * classes;
          for (int c = 0; c < classes; c++) {
            float p = probabilities[window + c];
            if (max) {
              result[row + c] = Math.max(result[row + c], p);
            } else {
              result[row + c] += p / windows;
            }
          }
        }
      }
    });
    return result;
  }

  /**
   * Every part's probabilities on every window of the records, for a model of parts.
   *
   * @return {@code [record][window][part][class]} probabilities, row-major
   */
  public float[] predictParts(TrainingSession session, int[] records) {
    int perRecord = scoring.starts(encoder.data().samples()).length * session.graph().parts().size()
        * session.graph().classes();
    float[] result = new float[records.length * perRecord];
    int windows = scoring.starts(encoder.data().samples()).length;
    forEachBatch(records, (first, count, inputs) -> System.arraycopy(session.predictParts(inputs, count * windows), 0,
        result, first * perRecord, count * perRecord));
    return result;
  }

  /** Receives the encoded windows of records {@code [first, first + count)}, window-major per record. */
  private interface BatchConsumer {
    void accept(int first, int count, float[][] inputs);
  }

  private void forEachBatch(int[] records, BatchConsumer consumer) {
    int[] starts = scoring.starts(encoder.data().samples());
    int windows = starts.length;
    int recordsPerBatch = Math.max(1, batchSize / windows);
    float[][] inputs = encoder.allocate(recordsPerBatch * windows);
    for (int first = 0; first < records.length; first += recordsPerBatch) {
      int count = Math.min(recordsPerBatch, records.length - first);
      for (int r = 0; r < count; r++) {
        for (int w = 0; w < windows; w++) {
          encoder.encode(records[first + r], starts[w], inputs, r * windows + w);
        }
      }
      consumer.accept(first, count, inputs);
    }
  }
}
