package org.sinus.engine.compare;

import java.util.List;
import org.sinus.engine.eval.BootstrapResult;

/**
 * Finished runs compared on the same records of one split: each run's metrics with intervals, each run's
 * paired difference from the baseline (the first run), and runs of one experiment pooled over their
 * seeds. Computed by {@link RunComparison}; written by {@link ComparisonMarkdown}, {@link ComparisonJson}
 * and {@link ComparisonPlot}.
 *
 * @param split the compared split
 * @param records how many records every run was scored on
 * @param classes the classes, in order
 * @param bootstrap the bootstrap run shared by every interval (settings, rejected resamples)
 * @param runs every run, the baseline first
 * @param differences each run but the baseline minus the baseline
 * @param groups experiments with at least two seeds among the runs
 * @param groupDifferences each group without the baseline minus the baseline's group
 * @param notes sentences on classes left out, thresholds, rejected resamples and runs not pooled
 */
public record Comparison(String split, int records, List<String> classes, BootstrapResult bootstrap,
                         List<RunResult> runs, List<RunDifference> differences, List<GroupResult> groups,
                         List<GroupDifference> groupDifferences, List<String> notes) {
  public Comparison {
    classes = List.copyOf(classes);
    runs = List.copyOf(runs);
    differences = List.copyOf(differences);
    groups = List.copyOf(groups);
    groupDifferences = List.copyOf(groupDifferences);
    notes = List.copyOf(notes);
  }

  /** The run every other is compared with. */
  public RunResult baseline() {
    return runs.get(0);
  }

  /** The run with this label. */
  public RunResult run(String label) {
    return runs.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "no run '" + label + "'; have " + runs.stream().map(RunResult::label).toList()));
  }

  /** The difference of the run with this label from the baseline. */
  public RunDifference difference(String label) {
    return differences.stream().filter(d -> d.run().equals(label)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no difference for '" + label + "'; have "
            + differences.stream().map(RunDifference::run).toList()));
  }

  /** The comparison as Markdown (see {@link ComparisonMarkdown}), without a plot. */
  public String toMarkdown() {
    return ComparisonMarkdown.render(this, null);
  }

  /** The comparison as indented JSON (see {@link ComparisonJson}). */
  public String toJson() {
    return ComparisonJson.render(this);
  }
}
