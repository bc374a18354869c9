package org.sinus.engine.compare;

import org.sinus.engine.eval.ConfidenceInterval;

/**
 * A metric of one run (or the mean over a group of runs) on the whole split, with its bootstrap interval.
 *
 * @param value the value on every record once; NaN when undefined
 * @param interval the percentile interval over the paired resamples
 */
public record Estimate(double value, ConfidenceInterval interval) {}
