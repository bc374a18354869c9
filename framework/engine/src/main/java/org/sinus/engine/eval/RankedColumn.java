package org.sinus.engine.eval;

import java.util.Arrays;

/**
 * One class column sorted once by descending score, with records of equal score grouped. Ranking
 * metrics then walk the groups in O(N) for any record weights (a bootstrap resample is a vector of
 * multiplicities), so resampling never sorts again and allocates nothing per record.
 */
final class RankedColumn {
  /** Record indices by descending score; ties by ascending index (the order does not change any metric). */
  private final int[] order;
  /** Whether {@code order[j]} is a positive. */
  private final boolean[] positive;
  /** Group g holds {@code order[groupStart[g] .. groupStart[g+1])}; its length is groups + 1. */
  private final int[] groupStart;
  /** The score shared by group g. */
  private final float[] groupScore;

  RankedColumn(float[] scores, boolean[] targets) {
    int n = scores.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      // sortable bits of the score in the high word, the index in the low word; sorted ascending, read backwards
      keys[i] = ((long) sortable(scores[i]) << 32) | (n - 1 - i);
    }
    Arrays.sort(keys);
    order = new int[n];
    positive = new boolean[n];
    int[] starts = new int[n + 1];
    float[] values = new float[n];
    int groups = 0;
    for (int j = 0; j < n; j++) {
      int index = n - 1 - (int) keys[n - 1 - j];
      order[j] = index;
      positive[j] = targets[index];
      if (j == 0 || scores[index] != values[groups - 1]) {
        starts[groups] = j;
        values[groups++] = scores[index];
      }
    }
    starts[groups] = n;
    groupStart = Arrays.copyOf(starts, groups + 1);
    groupScore = Arrays.copyOf(values, groups);
  }

  /** An int whose signed order is the float's order (for finite floats, with -0 already made +0). */
  private static int sortable(float value) {
    int bits = Float.floatToIntBits(value);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }

  int groups() {
    return groupScore.length;
  }

  /** Distinct scores, descending. */
  float groupScore(int g) {
    return groupScore[g];
  }

  /**
   * Positive and negative weight of every group: {@code out[2g]} positives, {@code out[2g+1]} negatives.
   * Null weights count every record once.
   */
  void groupCounts(int[] weights, long[] out) {
    for (int g = 0; g < groupScore.length; g++) {
      long pos = 0;
      long neg = 0;
      for (int j = groupStart[g]; j < groupStart[g + 1]; j++) {
        int w = weights == null ? 1 : weights[order[j]];
        if (positive[j]) {
          pos += w;
        } else {
          neg += w;
        }
      }
      out[2 * g] = pos;
      out[2 * g + 1] = neg;
    }
  }

  /**
   * ROC AUC as the Mann–Whitney statistic: the chance that a positive scores above a negative, ties
   * counting one half. Equals the trapezoidal area under the ROC curve (scikit-learn's roc_auc_score).
   * NaN if the weighted column has no positive or no negative.
   */
  double auc(int[] weights) {
    long posAbove = 0;
    long pos = 0;
    long neg = 0;
    long twiceConcordant = 0; // 2 × (pairs ranked right) + (tied pairs)
    for (int g = 0; g < groupScore.length; g++) {
      long p = 0;
      long q = 0;
      for (int j = groupStart[g]; j < groupStart[g + 1]; j++) {
        int w = weights == null ? 1 : weights[order[j]];
        if (positive[j]) {
          p += w;
        } else {
          q += w;
        }
      }
      twiceConcordant += 2 * q * posAbove + q * p;
      posAbove += p;
      pos += p;
      neg += q;
    }
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return twiceConcordant / (2.0 * pos * neg);
  }

  /**
   * Average precision: the sum over distinct thresholds, from the highest score down, of the recall
   * gained times the precision there (scikit-learn's average_precision_score, no interpolation). NaN if
   * the weighted column has no positive.
   */
  double averagePrecision(int[] weights) {
    long tp = 0;
    long fp = 0;
    double sum = 0;
    for (int g = 0; g < groupScore.length; g++) {
      long p = 0;
      long q = 0;
      for (int j = groupStart[g]; j < groupStart[g + 1]; j++) {
        int w = weights == null ? 1 : weights[order[j]];
        if (positive[j]) {
          p += w;
        } else {
          q += w;
        }
      }
      tp += p;
      fp += q;
      if (p > 0) {
        sum += p * ((double) tp / (tp + fp));
      }
    }
    return tp == 0 ? Double.NaN : sum / tp;
  }
}
