package org.sinus.engine.explain.faithfulness;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Spearman's rank correlation (mid-ranks for ties) of two attributions of the same record. */
final class RankCorrelation {
  private RankCorrelation() {}

  static double spearman(float[] a, float[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double meanA = Arrays.stream(ra).average().orElse(0);
    double meanB = Arrays.stream(rb).average().orElse(0);
    double covariance = 0;
    double varianceA = 0;
    double varianceB = 0;
    for (int i = 0; i < ra.length; i++) {
      covariance += (ra[i] - meanA) * (rb[i] - meanB);
      varianceA += (ra[i] - meanA) * (ra[i] - meanA);
      varianceB += (rb[i] - meanB) * (rb[i] - meanB);
    }
    return varianceA == 0 || varianceB == 0 ? 0 : covariance / Math.sqrt(varianceA * varianceB);
  }

  static double[] ranks(float[] values) {
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    for (int start = 0; start < values.length; ) {
      int end = start;
      while (end + 1 < values.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = (start + end) / 2.0 + 1;
      }
      start = end + 1;
    }
    return ranks;
  }

  /** The magnitudes of an attribution (what "where the relevance is" compares). */
  static float[] magnitudes(float[] relevance) {
    float[] out = new float[relevance.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.abs(relevance[i]);
    }
    return out;
  }
}
