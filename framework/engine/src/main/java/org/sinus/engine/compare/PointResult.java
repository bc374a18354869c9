package org.sinus.engine.compare;

import java.util.List;

/**
 * A grid point of a sweep over its seeds, as {@link GroupResult} pools the seeds of an experiment.
 *
 * @param point the grid point (its overrides without seed and fold)
 * @param seeds its seeds, in the order of the sweep
 * @param meanAuc the mean over the seeds of the pooled macro AUC, with its interval (the mean on each resample)
 * @param sdAuc the sample standard deviation of the pooled macro AUC over the seeds; NaN for one seed
 */
public record PointResult(String point, List<String> seeds, Estimate meanAuc, double sdAuc) {
  public PointResult {
    seeds = List.copyOf(seeds);
  }
}
