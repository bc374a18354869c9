package org.sinus.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  @Option(names = {"-v", "--verbose"}, description = "Log debugging detail and print stack traces of errors.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Log warnings and errors only; no progress bars.")
  boolean quiet;
}
