package org.sinus.engine.eval;

import java.util.function.ToDoubleFunction;

/**
 * A metric computed on a weighted sample of a split's records: {@code weights[i]} is how many times
 * record i is in the sample (a bootstrap resample), or null for the split as it is. Working on weights
 * lets the {@link Bootstrap} reuse each class's ranking instead of building and sorting every resample.
 *
 * <p>Any metric of {@link Predictions} can be used through {@link #of}, at the cost of building each
 * resample.
 */
@FunctionalInterface
public interface WeightedMetric {
  /** The metric's value on the weighted sample; NaN if it is undefined there. */
  double compute(int[] weights);

  /** The value on the split as it is (every record once). */
  default double compute() {
    return compute(null);
  }

  /** Wraps a metric of whole {@link Predictions}; each resample is built with {@link Predictions#resample}. */
  static WeightedMetric of(Predictions predictions, ToDoubleFunction<Predictions> metric) {
    return weights -> metric.applyAsDouble(weights == null ? predictions : predictions.resample(weights));
  }

  /**
   * The mean of the values that are defined (not NaN), NaN if none is: a macro average over the
   * classes that have a value in a resample. With the benchmark's rejection of resamples every
   * class has one; when rejection has to be abandoned for very rare classes, a class whose
   * positives all fell out of a resample is left out of that resample's average.
   */
  static double meanOfDefined(double[] values) {
    double sum = 0;
    int count = 0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        sum += value;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
