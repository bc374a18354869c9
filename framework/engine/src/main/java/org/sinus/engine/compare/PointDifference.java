package org.sinus.engine.compare;

/**
 * A grid point's macro AUC minus the baseline point's, for one seed, paired: both on the same resamples
 * of the same pooled out-of-fold records.
 *
 * @param point the grid point
 * @param baseline the baseline point
 * @param seed the seed both were run with
 * @param macroAuc the difference of pooled macro AUC
 */
public record PointDifference(String point, String baseline, String seed, Difference macroAuc) {}
