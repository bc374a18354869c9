package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Percentile bootstrap confidence intervals: draw N of the N records with replacement, compute every
 * metric on the resample, repeat, and take the {@code (1 ± confidence) / 2} quantiles of each metric's
 * values (linear interpolation between order statistics, numpy's default).
 *
 * <p>A resample in which a class that has both positive and negative records in the full split loses all
 * of its positives or all of its negatives is rejected and redrawn, as the PTB-XL benchmark does, since
 * its AUC would be undefined; the number rejected is reported. Classes that are one-sided in the full
 * split are not checked (their AUC is undefined anyway and left out of every macro average).
 *
 * <p>When classes are so rare that this rejects too many resamples (a class with one positive among
 * the records loses it in about 37% of resamples), rejection is abandoned: the resamples are drawn
 * again from the seed without rejecting any, macro averages of each resample leave out the classes
 * that have no positive or no negative in it, and the result names those classes.
 *
 * <p>The random stream is part of the contract, so that resamples can be rebuilt outside this class
 * (the tests do): every resample drawn, kept or rejected, is the next {@code n} values of {@code
 * nextInt(n)} ({@code n} the number of records) from one {@code new SplittableRandom(seed)}, and
 * abandoning rejection starts a new one from the same seed. Changing this changes every interval
 * produced for a given seed.
 *
 * <p>A resample is a vector of multiplicities, and the built-in metrics work on it directly, reusing each
 * class's sort: no resample sorts the scores again.
 */
public final class Bootstrap {
  /** Give up when this many resamples per kept resample have been rejected (the data is too sparse). */
  private static final int MAX_REJECTIONS_PER_RESAMPLE = 20;

  private final BootstrapSettings settings;

  public Bootstrap(BootstrapSettings settings) {
    this.settings = settings;
  }

  public BootstrapSettings settings() {
    return settings;
  }

  /**
   * Resamples {@code predictions}' records and computes each metric on every kept resample.
   *
   * @param metrics metrics by name, in the order the result should list them
   */
  public BootstrapResult run(Predictions predictions, Map<String, WeightedMetric> metrics) {
    return sample(predictions, metrics).result();
  }

  /**
   * Like {@link #run}, and keeps every metric's value on every kept resample, for statistics the
   * intervals do not give: several metrics computed on the same resamples can be combined resample by
   * resample (a paired difference of two classifiers scored on the same records, say).
   *
   * @param metrics metrics by name, in the order the result should list them
   */
  public BootstrapSamples sample(Predictions predictions, Map<String, WeightedMetric> metrics) {
    try {
      return sample(predictions, metrics, true);
    } catch (TooSparse e) {
      return sample(predictions, metrics, false);
    }
  }

  /** Thrown inside when rejection would not end. */
  private static final class TooSparse extends RuntimeException {
    TooSparse() {
      super(null, null, false, false);
    }
  }

  private BootstrapSamples sample(Predictions predictions, Map<String, WeightedMetric> metrics, boolean reject) {
    int n = predictions.records();
    int wanted = settings.resamples();
    List<String> names = new ArrayList<>(metrics.keySet());
    WeightedMetric[] computed = metrics.values().toArray(new WeightedMetric[0]);
    double[][] values = new double[computed.length][wanted];

    int[] checked = RocAuc.definedClasses(predictions);
    int[][] positiveRecords = new int[checked.length][];
    for (int c = 0; c < checked.length; c++) {
      boolean[] targets = predictions.targetColumn(checked[c]);
      positiveRecords[c] = IntStream.range(0, n).filter(i -> targets[i]).toArray();
    }
    int[] rejectedPerClass = new int[checked.length];

    SplittableRandom random = new SplittableRandom(settings.seed());
    int[] weights = new int[n];
    int kept = 0;
    int rejected = 0;
    while (kept < wanted) {
      Arrays.fill(weights, 0);
      for (int draw = 0; draw < n; draw++) {
        weights[random.nextInt(n)]++;
      }
      boolean valid = true;
      for (int c = 0; c < checked.length; c++) {
        long positives = 0;
        for (int i : positiveRecords[c]) {
          positives += weights[i];
        }
        if (positives == 0 || positives == n) {
          rejectedPerClass[c]++;
          valid = false;
        }
      }
      if (!valid && reject) {
        rejected++;
        if (rejected > MAX_REJECTIONS_PER_RESAMPLE * (long) wanted + 100) {
          throw new TooSparse();
        }
        continue;
      }
      for (int m = 0; m < computed.length; m++) {
        values[m][kept] = computed[m].compute(weights);
      }
      kept++;
    }

    Map<String, ConfidenceInterval> intervals = new LinkedHashMap<>();
    Map<String, double[]> resampled = new LinkedHashMap<>();
    for (int m = 0; m < computed.length; m++) {
      intervals.put(names.get(m), interval(values[m], settings.confidence()));
      resampled.put(names.get(m), values[m]);
    }
    Map<String, Integer> because = new LinkedHashMap<>();
    List<String> sparse = new ArrayList<>();
    for (int c = 0; c < checked.length; c++) {
      if (reject && rejectedPerClass[c] > 0) {
        because.put(predictions.classes().get(checked[c]), rejectedPerClass[c]);
      }
      // without rejection: the classes missing from more than 1% of the resamples
      if (!reject && rejectedPerClass[c] > wanted / 100) {
        sparse.add(predictions.classes().get(checked[c]));
      }
    }
    if (!reject && sparse.isEmpty()) {
      sparse.add(predictions.classes().get(checked[mostRejected(rejectedPerClass)]));
    }
    return new BootstrapSamples(new BootstrapResult(settings, rejected, because, intervals, sparse), resampled);
  }

  private static int mostRejected(int[] rejectedPerClass) {
    int worst = 0;
    for (int c = 1; c < rejectedPerClass.length; c++) {
      if (rejectedPerClass[c] > rejectedPerClass[worst]) {
        worst = c;
      }
    }
    return worst;
  }

  /**
   * The percentile interval of the finite values (the {@code (1 ± confidence) / 2} quantiles, as for
   * every metric of {@link #run}); NaN bounds if there are none. For statistics made from the values
   * of {@link #sample}.
   */
  public static ConfidenceInterval interval(double[] values, double confidence) {
    double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int undefined = values.length - finite.length;
    if (finite.length == 0) {
      return new ConfidenceInterval(Double.NaN, Double.NaN, confidence, undefined);
    }
    double alpha = (1 - confidence) / 2;
    return new ConfidenceInterval(quantile(finite, alpha), quantile(finite, 1 - alpha), confidence, undefined);
  }

  /** numpy.percentile's default (linear) quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }
}
