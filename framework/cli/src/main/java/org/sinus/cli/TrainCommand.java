package org.sinus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.eval.Evaluator;
import org.sinus.engine.eval.ReportMarkdown;
import org.sinus.engine.run.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sinus train}: train and evaluate an experiment, or resume a killed run. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train an experiment in a new run directory (under its output.dir) and evaluate it; or continue a "
        + "run that was killed from its last checkpoint with --resume.",
        "The run directory holds the fully resolved experiment (train it again with sinus train <run>/experiment.conf), "
            + "provenance, data report, logs, per-epoch metrics and curves, checkpoints, the model and its evaluation, "
            + "and report.html, all of it in one page for a browser (also written for a run that fails)."})
final class TrainCommand extends SinusSubcommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "<experiment.conf>", description = "The experiment (HOCON).")
  Path file;

  @Option(names = "--resume", paramLabel = "<run-dir>", description = "Continue this run from its latest checkpoint.")
  Path resume;

  @Option(names = {"-s", "--set"}, paramLabel = "key=value",
      description = {"Override a setting, e.g. --set training.epochs=5 (repeatable).",
          "With --resume only machine-local settings, e.g. --set dataset.path=/data/ptb-xl (where the data is on "
              + "this machine) or --set training.threads.intra-op=4."})
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() {
    ExperimentRunner runner = runner();
    ExperimentRunner.Result result;
    if ((file == null) == (resume == null)) {
      throw new SinusException(ExitCode.USAGE, "give an experiment file or --resume <run-dir>, not "
          + (file == null ? "neither" : "both"));
    }
    if (resume != null) {
      result = runner.resume(resume, overrides);
    } else {
      Experiment experiment = new ExperimentLoader(registry()).load(file, overrides);
      result = runner.train(experiment);
    }
    System.out.println("run: " + result.run());
    result.reports().forEach((split, report) -> System.out.println(split.id() + ": "
        + ReportMarkdown.headlineLine(report.headline(Evaluator.MACRO_AUC))));
    System.out.println("report: " + result.run().evaluation().resolve("test.md"));
    printWrittenReport();
    result.explainer().ifPresent(type -> System.out.println("explain its predictions (" + type + "): sinus explain "
        + result.run()));
    return 0;
  }
}
