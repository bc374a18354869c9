package org.sinus.api.explain;

/**
 * What to explain: the prediction of class {@code label} for one window of a record, or for the
 * whole record, scored over its windows as the evaluation scores it ({@link RecordScoring}).
 *
 * @param recordId the record's id, for the explanation's file names and messages
 * @param signal the whole record, {@code samples × leads} values time-major
 * @param windowStarts the first sample of each window that is explained: one for a window, the
 *     evaluation's sliding windows for a record
 * @param label the class whose prediction is explained
 * @param seed seeds any sampling the method does
 */
public record ExplainTarget(String recordId, float[] signal, int[] windowStarts, int label, long seed) {
  public ExplainTarget {
    if (windowStarts.length == 0) {
      throw new IllegalArgumentException("an explanation target needs at least one window");
    }
    windowStarts = windowStarts.clone();
  }

  @Override
  public int[] windowStarts() {
    return windowStarts.clone();
  }

  /** Number of windows explained together. */
  public int windows() {
    return windowStarts.length;
  }
}
