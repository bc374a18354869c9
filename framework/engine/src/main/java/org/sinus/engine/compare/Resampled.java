package org.sinus.engine.compare;

import java.util.List;
import org.sinus.engine.eval.Bootstrap;

/**
 * A statistic of the compared runs on the whole split and on each bootstrap resample of it. Every
 * Resampled of one comparison is computed on the same resamples, index by index, so they combine
 * resample by resample: a paired difference is {@link #minus}, a mean over seeds is {@link #mean}.
 *
 * @param value the statistic on every record once
 * @param resamples the statistic on each resample, NaN where it was undefined
 */
record Resampled(double value, double[] resamples) {

  /** This minus {@code other}, on the whole split and resample by resample. */
  Resampled minus(Resampled other) {
    double[] difference = new double[resamples.length];
    for (int r = 0; r < difference.length; r++) {
      difference[r] = resamples[r] - other.resamples[r];
    }
    return new Resampled(value - other.value, difference);
  }

  /** The mean of {@code parts}, on the whole split and resample by resample. */
  static Resampled mean(List<Resampled> parts) {
    double[] sum = new double[parts.get(0).resamples.length];
    double value = 0;
    for (Resampled part : parts) {
      value += part.value;
      for (int r = 0; r < sum.length; r++) {
        sum[r] += part.resamples[r];
      }
    }
    for (int r = 0; r < sum.length; r++) {
      sum[r] /= parts.size();
    }
    return new Resampled(value / parts.size(), sum);
  }

  /** The value with its percentile interval. */
  Estimate estimate(double confidence) {
    return new Estimate(value, Bootstrap.interval(resamples, confidence));
  }

  /** This as a difference: with its interval and how often it is above 0, or exactly 0. */
  Difference difference(double confidence) {
    int defined = 0;
    int above = 0;
    int zero = 0;
    for (double d : resamples) {
      if (!Double.isNaN(d)) {
        defined++;
        above += d > 0 ? 1 : 0;
        zero += d == 0 ? 1 : 0;
      }
    }
    double better = defined == 0 ? Double.NaN : (double) above / defined;
    double tied = defined == 0 ? Double.NaN : (double) zero / defined;
    return new Difference(value, Bootstrap.interval(resamples, confidence), better, tied);
  }
}
