package org.sinus.engine.compare;

import java.util.List;

/**
 * Runs of one experiment that differ only in their seed, summarised over the seeds.
 *
 * @param label how the report names the group: the experiment's name, or where two groups share a name,
 *     the name and the group's first run ({@code quickstart like run-a})
 * @param experiment the experiment's name
 * @param runs the labels of its runs
 * @param seeds their seeds, in the same order
 * @param meanAuc the mean of the runs' macro AUC, with its interval (the mean over the seeds on each resample)
 * @param sdAuc the sample standard deviation of the runs' macro AUC over the seeds (n − 1 in the denominator)
 * @param holdsBaseline whether the baseline run is one of the runs
 */
public record GroupResult(String label, String experiment, List<String> runs, List<Long> seeds, Estimate meanAuc,
                          double sdAuc, boolean holdsBaseline) {
  public GroupResult {
    runs = List.copyOf(runs);
    seeds = List.copyOf(seeds);
  }
}
