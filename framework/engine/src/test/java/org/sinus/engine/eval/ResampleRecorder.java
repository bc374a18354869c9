package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A metric that keeps a copy of every resample it is computed on, so that tests can look at the
 * bootstrap's draws from outside: {@link Bootstrap} computes each metric once on every kept resample.
 */
final class ResampleRecorder implements WeightedMetric {
  private final List<int[]> resamples = new ArrayList<>();

  @Override
  public double compute(int[] weights) {
    if (weights != null) {
      resamples.add(weights.clone()); // the bootstrap reuses its array for the next resample
    }
    return 0;
  }

  /** The multiplicity of every record in each resample, in the order they were computed. */
  List<int[]> resamples() {
    return resamples;
  }

  /** How many records a resample holds. */
  static int size(int[] resample) {
    return Arrays.stream(resample).sum();
  }
}
