package org.sinus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sinus data}: look at an experiment's data. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Look at an experiment's data.",
    subcommands = {DataReportCommand.class, DataShowCommand.class})
final class DataCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a data command is required: report or show");
  }
}
