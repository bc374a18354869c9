package org.sinus.plugins.hybrid;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Folds of the validation records for cross-fitting: a fusion fitted on all folds but one scores
 * the records of that one, so that no record is scored by a fusion that saw it.
 */
final class CrossFitting {
  private CrossFitting() {}

  /** The fold of each of {@code records} records: dealt round-robin over a seeded shuffle. */
  static int[] folds(int records, int folds, long seed) {
    if (records < folds) {
      throw new IllegalArgumentException("cross-fitting in " + folds + " folds needs at least " + folds
          + " validation records, got " + records);
    }
    int[] order = IntStream.range(0, records).toArray();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = records - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] fold = new int[records];
    for (int position = 0; position < records; position++) {
      fold[order[position]] = position % folds;
    }
    return fold;
  }

  /** The records in fold {@code k} ({@code in}) or in every other fold. */
  static int[] members(int[] folds, int k, boolean in) {
    return IntStream.range(0, folds.length).filter(r -> (folds[r] == k) == in).toArray();
  }

  /** All records. */
  static int[] all(int records) {
    return IntStream.range(0, records).toArray();
  }
}
