package org.sinus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The experiment file and {@code --set} overrides. */
public final class ExperimentArgs {
  @Parameters(index = "0", paramLabel = "<experiment.conf>", description = "The experiment (HOCON).")
  Path file;

  @Option(names = {"-s", "--set"}, paramLabel = "key=value",
      description = "Override a setting, e.g. --set training.epochs=5 --set model.filters=64 (HOCON values; repeatable).")
  List<String> overrides = new ArrayList<>();
}
