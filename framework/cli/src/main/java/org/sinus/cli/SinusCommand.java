package org.sinus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: only dispatches to subcommands. */
@Command(name = "sinus", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Train, evaluate and explain deep-learning classifiers of multichannel physiological signals.",
    subcommands = {ValidateCommand.class, PluginsCommand.class, DataCommand.class, TrainCommand.class,
        EvaluateCommand.class, PredictCommand.class, ExportCommand.class, CompareCommand.class, ExplainCommand.class,
        ReportCommand.class, StatusCommand.class, SweepCommand.class, BenchCommand.class, CacheCommand.class, HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 unexpected failure, 2 bad command line, 3 invalid experiment configuration, "
        + "4 missing or corrupt data, 5 missing or incomplete run directory."})
public final class SinusCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
