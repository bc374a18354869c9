package org.sinus.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.Split;
import org.sinus.engine.compare.ComparedRun;
import org.sinus.engine.compare.ComparedRuns;
import org.sinus.engine.compare.Comparison;
import org.sinus.engine.compare.ComparisonFiles;
import org.sinus.engine.compare.RunComparison;
import org.sinus.engine.compare.SweepAggregation;
import org.sinus.engine.compare.SweepComparison;
import org.sinus.engine.compare.SweepRuns;
import org.sinus.engine.eval.BootstrapSettings;
import org.sinus.engine.util.TimestampedDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sinus compare}: finished runs side by side, with paired bootstrap intervals of their differences. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare finished runs on one split from their evaluations (evaluation/predictions-<split>.csv and "
        + "thresholds.json; no model is run): macro and per-class AUC, macro AP and F1 with bootstrap intervals, the "
        + "paired difference of each run from the baseline on the same resamples of the same records, and runs of one "
        + "experiment that differ only in their seed pooled as mean ± sd. Writes comparison.md, comparison.json, "
        + "forest.png and report.html (all of it in one page for a browser) into --out.",
        "Runs must have been evaluated on the same records (matched by id) and classes; exit code 2 otherwise, 5 if "
            + "a run or its evaluation of the split is missing.",
        "Given a sweep directory (made by sinus sweep) instead, aggregates its completed runs: each grid point and "
            + "seed on the pooled out-of-fold predictions of its cross-validation folds (macro AUC and AP with bootstrap "
            + "intervals over all pooled records; macro F1 of the pooled decisions, each fold's at its own thresholds), "
            + "each point's mean ± sd over its seeds, and each point's paired difference from the baseline point (the "
            + "first, or --baseline) for the same seed; --out defaults to <sweep>/comparisons/compare-<time>/."})
final class CompareCommand extends SinusSubcommand {
  @Parameters(arity = "1..*", paramLabel = "<run-dir>",
      description = "Run directories made by sinus train, or one sweep directory (holding sweep.json) made by sinus sweep.")
  List<Path> runs = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "<run-dir|point>",
      description = "The run the others are compared with (default: the first run given); for a sweep, the grid "
          + "point, by its label or a part of it that only one point has (default: the first point).")
  Path baseline;

  @Option(names = "--split", paramLabel = "<split>", description = "The split compared (default: ${DEFAULT-VALUE}).")
  String split = "test";

  @Option(names = "--out", paramLabel = "<dir>", description = "Where the comparison goes (default: "
      + "comparisons/compare-<time>/ beside the directory holding the first run, never inside a run).")
  Path out;

  @Option(names = "--resamples", paramLabel = "<n>", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int resamples = BootstrapSettings.defaults().resamples();

  @Option(names = "--seed", paramLabel = "<seed>", description = "Seed of the resampling (default: ${DEFAULT-VALUE}).")
  long seed = BootstrapSettings.defaults().seed();

  @Option(names = "--confidence", paramLabel = "<level>", description = "Level of the intervals (default: ${DEFAULT-VALUE}).")
  double confidence = BootstrapSettings.defaults().confidence();

  @Override
  public Integer call() {
    String chosen;
    try {
      chosen = Split.parse(split).id();
    } catch (IllegalArgumentException e) {
      throw new SinusException(ExitCode.USAGE, "--split: " + e.getMessage());
    }
    if (resamples < 1) {
      throw new SinusException(ExitCode.USAGE, "--resamples must be at least 1 for intervals, not " + resamples);
    }
    BootstrapSettings settings;
    try {
      settings = new BootstrapSettings(resamples, confidence, seed);
    } catch (IllegalArgumentException e) {
      throw new SinusException(ExitCode.USAGE, "--confidence: " + e.getMessage());
    }
    if (runs.stream().anyMatch(SweepRuns::isSweep)) {
      return compareSweep(chosen, settings);
    }
    List<ComparedRun> compared = ComparedRuns.load(runs, baseline, chosen, registry());
    Comparison comparison = RunComparison.compare(chosen, compared, settings);
    Path directory = out != null ? out : ComparisonFiles.createDefaultDirectory(
        compared.stream().map(ComparedRun::directory).toList());
    List<Path> written = ComparisonFiles.write(comparison, directory);
    System.out.println(comparison.toMarkdown());
    written.forEach(file -> System.out.println("report: " + file));
    return 0;
  }

  private int compareSweep(String chosen, BootstrapSettings settings) {
    if (runs.size() > 1) {
      throw new SinusException(ExitCode.USAGE, "give one sweep directory alone (--baseline chooses its baseline point), "
          + "not with other runs: " + runs);
    }
    Path sweep = runs.get(0);
    SweepComparison comparison = SweepAggregation.compare(SweepRuns.read(sweep), chosen, settings,
        baseline == null ? null : baseline.toString());
    Path directory;
    try {
      directory = out != null ? out : TimestampedDirectory.create(sweep.resolve("comparisons"), "compare");
    } catch (IOException e) {
      throw new SinusException(ExitCode.FAILURE, "cannot create a directory under " + sweep.resolve("comparisons")
          + ": " + e.getMessage(), e);
    }
    List<Path> written = ComparisonFiles.write(comparison, directory);
    System.out.println(comparison.toMarkdown());
    written.forEach(file -> System.out.println("report: " + file));
    return 0;
  }
}
