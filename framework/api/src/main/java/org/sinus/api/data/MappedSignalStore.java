package org.sinus.api.data;

import org.sinus.api.cache.MappedValueFile;

/** Signals read from a memory-mapped cache file: nothing of them lives on the Java heap. */
public final class MappedSignalStore implements SignalStore {
  private final MappedValueFile file;
  private final int samples;
  private final int channels;

  public MappedSignalStore(MappedValueFile file, int samples, int channels) {
    if (file.itemValues() != samples * channels) {
      throw new IllegalArgumentException("cache items hold " + file.itemValues() + " values, expected " + samples + " × " + channels);
    }
    this.file = file;
    this.samples = samples;
    this.channels = channels;
  }

  @Override
  public int records() {
    return (int) file.items();
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
    file.read(index, out, offset);
  }

  @Override
  public void readWindow(int index, int start, int length, float[] out, int offset) {
    file.read(index, start * channels, length * channels, out, offset);
  }

  @Override
  public long heapBytes() {
    return 0;
  }

  @Override
  public void close() {
    file.close();
  }
}
