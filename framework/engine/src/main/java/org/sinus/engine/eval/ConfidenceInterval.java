package org.sinus.engine.eval;

/**
 * A percentile bootstrap interval.
 *
 * @param lower the {@code (1 − confidence) / 2} quantile of the resampled values
 * @param upper the {@code (1 + confidence) / 2} quantile
 * @param confidence the coverage, e.g. 0.95
 * @param undefinedResamples resamples where the metric was undefined (NaN), left out of the quantiles
 */
public record ConfidenceInterval(double lower, double upper, double confidence, int undefinedResamples) {
  public double width() {
    return upper - lower;
  }

  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }
}
