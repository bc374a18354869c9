package org.sinus.engine.eval;

/**
 * How to bootstrap confidence intervals.
 *
 * @param resamples how many resamples to keep (rejected ones are redrawn and not counted); 0 turns
 *     confidence intervals off
 * @param confidence the interval's coverage, e.g. 0.95 for the 2.5th to 97.5th percentile
 * @param seed the random seed; the same seed and data give the same intervals
 */
public record BootstrapSettings(int resamples, double confidence, long seed) {
  public BootstrapSettings {
    if (resamples < 0) {
      throw new IllegalArgumentException("bootstrap resamples must be 0 (off) or more, got " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("bootstrap confidence must be between 0 and 1 (e.g. 0.95), got " + confidence);
    }
  }

  /** 1000 resamples, 95% intervals, seed 42. */
  public static BootstrapSettings defaults() {
    return new BootstrapSettings(1000, 0.95, 42);
  }

  /** No confidence intervals. */
  public static BootstrapSettings off() {
    return new BootstrapSettings(0, 0.95, 42);
  }

  public boolean enabled() {
    return resamples > 0;
  }
}
