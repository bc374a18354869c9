package org.sinus.engine.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confidence intervals from one bootstrap run.
 *
 * @param settings resamples, confidence and seed used
 * @param rejected resamples drawn and thrown away because some class had no positive or no negative
 *     record in them (they are redrawn, so {@code settings.resamples()} were kept)
 * @param rejectedBecause for each class, how many rejected resamples lacked its positives or negatives
 *     (a resample may count for several classes)
 * @param intervals the interval of each metric, by the name it was given
 * @param sparseClasses classes so rare that rejecting resamples without their positives or negatives
 *     had to be abandoned; empty normally. When not empty no resample was rejected, and macro averages
 *     of each resample left out the classes that had no positive or no negative in it.
 */
public record BootstrapResult(BootstrapSettings settings, int rejected, Map<String, Integer> rejectedBecause,
    Map<String, ConfidenceInterval> intervals, List<String> sparseClasses) {
  public BootstrapResult {
    rejectedBecause = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedBecause));
    intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
    sparseClasses = List.copyOf(sparseClasses);
  }

  /** Whether rejection was abandoned because some classes are too rare (see {@link #sparseClasses}). */
  public boolean rejectionAbandoned() {
    return !sparseClasses.isEmpty();
  }

  /** The interval of one metric. */
  public ConfidenceInterval interval(String metric) {
    ConfidenceInterval interval = intervals.get(metric);
    if (interval == null) {
      throw new IllegalArgumentException("no bootstrap interval for '" + metric + "'; have " + intervals.keySet());
    }
    return interval;
  }
}
