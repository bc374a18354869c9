package org.sinus.plugins.wavelet.cache;

import java.nio.file.Path;

/** A memory-mapped cache of {@code items × itemValues} values, read as floats whatever its storage. */
public interface ValueFile {

  Path file();

  long items();

  int itemValues();

  /** Copies {@code length} values of {@code item}, from value {@code from} on, into {@code out}; thread-safe. */
  void read(long item, int from, int length, float[] out, int offset);
}
