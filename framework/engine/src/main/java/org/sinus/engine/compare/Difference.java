package org.sinus.engine.compare;

import org.sinus.engine.eval.ConfidenceInterval;

/**
 * A metric of a run minus the same metric of the baseline, both computed on the same records and the
 * same bootstrap resamples of them (a paired difference): what differs between resamples affects both
 * runs alike, so the interval reflects how the runs differ, not how hard the records are.
 *
 * @param value the difference on every record once
 * @param interval the percentile interval of the difference over the resamples
 * @param shareBetter the share of resamples in which the run scored higher than the baseline
 * @param shareTied the share of resamples in which both scored exactly the same
 */
public record Difference(double value, ConfidenceInterval interval, double shareBetter, double shareTied) {}
