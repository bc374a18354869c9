package org.sinus.engine.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.plugin.PluginRegistry;

/** Loads the runs to compare from their directories, the baseline first, their records matched by id. */
public final class ComparedRuns {
  private ComparedRuns() {}

  /**
   * Reads each run's predictions and thresholds of {@code split} and its experiment, and matches the
   * runs' records by id.
   *
   * @param runs the run directories, in the order the report should list them
   * @param baseline the run the others are compared with, or null for the first of {@code runs}; listed first
   * @throws SinusException (run) if a directory is not a run or lacks the evaluation of the split; (usage)
   *     if a run is given twice, fewer than two runs are given, or runs differ in records, classes or labels
   */
  public static List<ComparedRun> load(List<Path> runs, Path baseline, String split, PluginRegistry registry) {
    List<Path> ordered = ordered(runs, baseline);
    if (ordered.size() < 2) {
      throw new SinusException(ExitCode.USAGE, "a comparison needs at least two runs; got " + ordered);
    }
    List<RunPredictions> loaded = ordered.stream().map(run -> RunPredictions.load(run, split)).toList();
    List<String> labels = labels(ordered);
    List<Predictions> matched = MatchedRecords.align(labels, loaded.stream().map(RunPredictions::table).toList(), split);
    List<ComparedRun> compared = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      compared.add(new ComparedRun(labels.get(i), ordered.get(i), RunExperiment.read(ordered.get(i), registry),
          matched.get(i), loaded.get(i).thresholds()));
    }
    return compared;
  }

  /** The baseline, then the other runs in their order; a run given twice is refused. */
  static List<Path> ordered(List<Path> runs, Path baseline) {
    List<Path> ordered = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    if (baseline != null) {
      ordered.add(baseline);
      seen.add(key(baseline));
    }
    Set<Path> given = new HashSet<>();
    for (Path run : runs) {
      if (!given.add(key(run))) {
        throw new SinusException(ExitCode.USAGE, "run " + run + " is given twice");
      }
      if (seen.add(key(run))) {
        ordered.add(run);
      }
    }
    return ordered;
  }

  private static Path key(Path run) {
    return run.toAbsolutePath().normalize();
  }

  /** Each run's directory name, or its path as given where two runs have the same name. */
  static List<String> labels(List<Path> runs) {
    List<String> names = runs.stream().map(run -> key(run).getFileName().toString()).toList();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      String name = names.get(i);
      labels.add(names.indexOf(name) == names.lastIndexOf(name) ? name : runs.get(i).toString());
    }
    return labels;
  }
}
