package org.sinus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.Split;
import org.sinus.engine.eval.EvaluationReport;
import org.sinus.engine.run.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sinus evaluate}: evaluate a finished run's model again. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate a run's trained model on a split (thresholds tuned on validation), writing "
        + "evaluation/<split>.md, .json, roc-<split>.png, pr-<split>.png and predictions-<split>.csv in the run "
        + "directory, and its report.html again.")
final class EvaluateCommand extends SinusSubcommand {
  @Parameters(index = "0", paramLabel = "<run-dir>", description = "A run directory made by sinus train.")
  Path run;

  @Option(names = "--split", paramLabel = "<split>", description = "train, validation or test (repeatable; default test).")
  List<String> splits = new ArrayList<>();

  @Mixin
  MachineLocalSettings settings = new MachineLocalSettings();

  @Override
  public Integer call() {
    List<Split> chosen = new ArrayList<>();
    for (String split : splits.isEmpty() ? List.of("test") : splits) {
      try {
        chosen.add(Split.parse(split));
      } catch (IllegalArgumentException e) {
        throw new SinusException(ExitCode.USAGE, "--split: " + e.getMessage());
      }
    }
    ExperimentRunner runner = runner();
    var reports = runner.evaluate(run, chosen, settings.overrides);
    for (var entry : reports.entrySet()) {
      EvaluationReport report = entry.getValue();
      System.out.println(report.toMarkdown());
    }
    for (Split split : reports.keySet()) {
      System.out.println("report: " + run.resolve("evaluation").resolve(split.id() + ".md"));
    }
    printWrittenReport();
    return 0;
  }
}
