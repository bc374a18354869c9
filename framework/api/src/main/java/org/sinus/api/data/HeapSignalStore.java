package org.sinus.api.data;

/** Signals held on the Java heap: one {@code float[samples × channels]} per record. */
public final class HeapSignalStore implements SignalStore {
  private final float[][] signals;
  private final int samples;
  private final int channels;

  public HeapSignalStore(float[][] signals, int samples, int channels) {
    this.signals = signals;
    this.samples = samples;
    this.channels = channels;
    for (int i = 0; i < signals.length; i++) {
      if (signals[i].length != samples * channels) {
        throw new IllegalArgumentException("record " + i + " has " + signals[i].length + " values, expected "
            + samples + " × " + channels);
      }
    }
  }

  @Override
  public int records() {
    return signals.length;
  }

  @Override
  public int samples() {
    return samples;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public void read(int index, float[] out, int offset) {
    System.arraycopy(signals[index], 0, out, offset, samples * channels);
  }

  @Override
  public void readWindow(int index, int start, int length, float[] out, int offset) {
    System.arraycopy(signals[index], start * channels, out, offset, length * channels);
  }

  @Override
  public long heapBytes() {
    return (long) signals.length * samples * channels * Float.BYTES;
  }
}
