package org.sinus.cli;

import picocli.CommandLine;

/** Entry point of the {@code sinus} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    ConsoleStream.install();
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (see {@link org.sinus.api.ExitCode}). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new SinusCommand());
    commandLine.setExecutionStrategy(new SetupStrategy());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
