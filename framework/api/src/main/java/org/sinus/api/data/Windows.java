package org.sinus.api.data;

import java.util.SplittableRandom;

/**
 * Where windows are cut from records: random crops for training, sliding windows for validation
 * and test (the PTB-XL benchmark protocol of Strodthoff et al. 2021).
 */
public final class Windows {
  private Windows() {}

  /** Window length in samples for a length in seconds; 0 s (or longer than the record) = the whole record. */
  public static int samples(double seconds, int samplingRate, int recordSamples) {
    if (seconds <= 0) {
      return recordSamples;
    }
    return (int) Math.min(recordSamples, Math.round(seconds * samplingRate));
  }

  /**
   * A random training crop start. Like the benchmark ({@code random.randint(0, T − L − 1)}) the last
   * possible start {@code T − L} is never drawn; a window as long as the record starts at 0.
   */
  public static int randomStart(SplittableRandom random, int recordSamples, int length) {
    return recordSamples > length ? random.nextInt(recordSamples - length) : 0;
  }

  /**
   * Starts of the sliding windows over a record: {@code 0, stride, 2·stride, ...} while the window
   * fits; a shorter tail is dropped (the benchmark's {@code chunkify_valid}). For 1000 samples,
   * length 250 and stride 125 these are 0, 125, ..., 750: seven windows.
   */
  public static int[] slidingStarts(int recordSamples, int length, int stride) {
    if (length >= recordSamples) {
      return new int[] {0};
    }
    int count = (recordSamples - length) / stride + 1;
    int[] starts = new int[count];
    for (int i = 0; i < count; i++) {
      starts[i] = i * stride;
    }
    return starts;
  }
}
