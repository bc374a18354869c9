package org.sinus.api.data;

/**
 * The signals of a dataset, every record {@code samples × channels} float values in physical units,
 * time-major ({@code [time, channel]}, the layout the NHWC graphs consume without a transpose).
 * Implementations are safe for concurrent reads.
 */
public interface SignalStore extends AutoCloseable {

  int records();

  int samples();

  int channels();

  /** Copies record {@code index}, {@code samples × channels} values, into {@code out} at {@code offset}. */
  void read(int index, float[] out, int offset);

  /** Copies samples {@code [start, start + length)} of a record, all channels, into {@code out}. */
  void readWindow(int index, int start, int length, float[] out, int offset);

  default float[] read(int index) {
    float[] out = new float[samples() * channels()];
    read(index, out, 0);
    return out;
  }

  /** Bytes held on the Java heap (0 for memory-mapped stores). */
  long heapBytes();

  @Override
  default void close() {}
}
