package org.sinus.plugins.hybrid;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.model.FusionData;

/**
 * Scores of validation records under a fusion, computed as the graph computes them: the fusion
 * of the branches on each window, then the windows aggregated as the evaluation does; and the
 * ROC AUC of such scores.
 */
final class RecordScores {
  private RecordScores() {}

  /** The fused probability of class {@code c} on window {@code w} of record {@code r}. */
  interface WindowFusion {
    double fuse(FusionData data, int r, int w, int c);
  }

  /** Class {@code c}'s score of each of {@code records}. */
  static double[] of(FusionData data, int[] records, int c, WindowFusion fusion) {
    double[] scores = new double[records.length];
    for (int i = 0; i < records.length; i++) {
      double aggregate = data.aggregate() == RecordScoring.Aggregate.MAX ? Double.NEGATIVE_INFINITY : 0;
      for (int w = 0; w < data.windows(); w++) {
        double p = fusion.fuse(data, records[i], w, c);
        aggregate = data.aggregate() == RecordScoring.Aggregate.MAX ? Math.max(aggregate, p) : aggregate + p / data.windows();
      }
      scores[i] = aggregate;
    }
    return scores;
  }

  /** Whether each of {@code records} has class {@code c}. */
  static boolean[] targets(FusionData data, int[] records, int c) {
    boolean[] targets = new boolean[records.length];
    for (int i = 0; i < records.length; i++) {
      targets[i] = data.target(records[i], c);
    }
    return targets;
  }

  /**
   * The probability that a random positive scores above a random negative (ties count one half):
   * the Mann–Whitney statistic from mid-ranks; NaN without a positive or without a negative.
   */
  static double auc(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double positiveRankSum = 0;
    long positives = 0;
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double midRank = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        if (positive[order[k]]) {
          positiveRankSum += midRank;
          positives++;
        }
      }
      start = end + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Mean AUC over the classes that have both positives and negatives among the records. */
  static double macroAuc(FusionData data, int[] records, double[][] scoresByClass) {
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < scoresByClass.length; c++) {
      double auc = auc(scoresByClass[c], targets(data, records, c));
      if (!Double.isNaN(auc)) {
        sum += auc;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }
}
