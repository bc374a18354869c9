package org.sinus.engine.train;

import java.util.SplittableRandom;
import org.sinus.api.data.Windows;

/**
 * The examples of one training epoch: a seeded shuffle of the training records and one random crop
 * per record. It depends only on the run's seed and the epoch number, so a resumed run sees exactly
 * the batches the interrupted one would have seen.
 *
 * @param records record indices in the order they are visited
 * @param starts crop start of each visited record
 */
public record EpochPlan(int[] records, int[] starts) {

  public static EpochPlan of(long seed, int epoch, int[] trainIndices, int recordSamples, int windowSamples) {
    SplittableRandom random = new SplittableRandom(mix(seed, epoch));
    int[] order = trainIndices.clone();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] starts = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      starts[i] = Windows.randomStart(random, recordSamples, windowSamples);
    }
    return new EpochPlan(order, starts);
  }

  /** Steps in an epoch of {@code n} examples. */
  public static int steps(int n, int batchSize, boolean dropLast) {
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  static long mix(long seed, long value) {
    long z = seed * 0x9E3779B97F4A7C15L + value * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
