package org.sinus.api.representation;

import java.util.List;
import org.sinus.api.cache.CachePlan;

/**
 * An optional capability of a {@link Representation} that keeps per-record values in cache files
 * (the wavelet scalograms): it tells which files {@link Representation#fit} and
 * {@link FittedRepresentation#precompute} would build, without building them, so that they can be
 * built ahead of the runs that need them (a sweep builds them as a Spark job over ranges of records)
 * and every run then reuses them.
 */
public interface CachedRepresentation {
  /**
   * The cache files that fitting on {@code training} and then precomputing each of {@code others} would
   * open, in that order (one record set may need none). Computes only what the values depend on
   * (e.g. a signal standardization), not the values.
   */
  List<CachePlan> cachePlans(RecordSet training, List<RecordSet> others, FitContext context);
}
