package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap of ROC AUC written as plainly as possible, to check {@link Bootstrap} against:
 * each resample is a list of drawn record indices taken from the random stream that {@code Bootstrap}
 * documents, AUC counts positive–negative pairs of the drawn records (ties one half), and the interval
 * bounds are numpy's linear percentiles. It shares no code with the engine.
 */
final class ReferenceBootstrap {
  /** The key of the macro AUC interval; the classes' intervals are keyed by class name. */
  static final String MACRO = "macro auc";

  /**
   * @param intervals the macro AUC's interval and each two-sided class's
   * @param rejected resamples drawn and thrown away
   * @param rejectedBecause per class, the rejected resamples that had no positive or no negative of it
   */
  record Outcome(Map<String, ConfidenceInterval> intervals, int rejected, Map<String, Integer> rejectedBecause) {}

  private final String[] classes;
  private final float[][] scores;
  private final boolean[][] targets;
  private final int records;

  /** Scores and targets by class, then record. */
  ReferenceBootstrap(String[] classes, float[][] scores, boolean[][] targets) {
    this.classes = classes;
    this.scores = scores;
    this.targets = targets;
    this.records = scores[0].length;
  }

  /**
   * Keeps {@code resamples} resamples. With {@code reject}, a resample where a class that has positives and
   * negatives in the split has none of either is thrown away and the next one drawn; without, each resample's
   * macro AUC is the mean over the classes it has both kinds of.
   */
  Outcome run(int resamples, double confidence, long seed, boolean reject) {
    List<Integer> twoSided = new ArrayList<>();
    for (int c = 0; c < classes.length; c++) {
      int positives = positivesAmong(allRecords(), c);
      if (positives > 0 && positives < records) {
        twoSided.add(c);
      }
    }
    Map<String, List<Double>> values = new LinkedHashMap<>();
    values.put(MACRO, new ArrayList<>());
    twoSided.forEach(c -> values.put(classes[c], new ArrayList<>()));
    Map<String, Integer> rejectedBecause = new LinkedHashMap<>();
    int rejected = 0;

    SplittableRandom random = new SplittableRandom(seed);
    int kept = 0;
    while (kept < resamples) {
      int[] drawn = new int[records];
      for (int j = 0; j < records; j++) {
        drawn[j] = random.nextInt(records);
      }
      boolean lacking = false;
      for (int c : twoSided) {
        int positives = positivesAmong(drawn, c);
        if (positives == 0 || positives == records) {
          lacking = true;
          if (reject) {
            rejectedBecause.merge(classes[c], 1, Integer::sum);
          }
        }
      }
      if (reject && lacking) {
        rejected++;
        continue;
      }
      double sum = 0;
      int defined = 0;
      for (int c : twoSided) {
        double auc = auc(drawn, c);
        values.get(classes[c]).add(auc);
        if (!Double.isNaN(auc)) {
          sum += auc;
          defined++;
        }
      }
      values.get(MACRO).add(defined == 0 ? Double.NaN : sum / defined);
      kept++;
    }

    Map<String, ConfidenceInterval> intervals = new LinkedHashMap<>();
    values.forEach((name, list) -> intervals.put(name, percentileInterval(list, confidence)));
    return new Outcome(intervals, rejected, rejectedBecause);
  }

  private int[] allRecords() {
    int[] all = new int[records];
    Arrays.setAll(all, i -> i);
    return all;
  }

  private int positivesAmong(int[] drawn, int c) {
    int positives = 0;
    for (int i : drawn) {
      positives += targets[c][i] ? 1 : 0;
    }
    return positives;
  }

  /** The share of (positive, negative) pairs of drawn records where the positive scores higher, ties one half. */
  private double auc(int[] drawn, int c) {
    long pairs = 0;
    double ordered = 0;
    for (int p : drawn) {
      if (!targets[c][p]) {
        continue;
      }
      for (int q : drawn) {
        if (targets[c][q]) {
          continue;
        }
        pairs++;
        ordered += scores[c][p] > scores[c][q] ? 1 : scores[c][p] == scores[c][q] ? 0.5 : 0;
      }
    }
    return pairs == 0 ? Double.NaN : ordered / pairs;
  }

  private static ConfidenceInterval percentileInterval(List<Double> values, double confidence) {
    double[] defined = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int undefined = values.size() - defined.length;
    return new ConfidenceInterval(percentile(defined, (1 - confidence) / 2), percentile(defined, (1 + confidence) / 2),
        confidence, undefined);
  }

  /** numpy.percentile(values, 100 · q) with its default linear interpolation, of sorted values. */
  private static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double rank = q * (sorted.length - 1);
    int below = (int) rank;
    if (below == sorted.length - 1) {
      return sorted[below];
    }
    return sorted[below] + (rank - below) * (sorted[below + 1] - sorted[below]);
  }
}
