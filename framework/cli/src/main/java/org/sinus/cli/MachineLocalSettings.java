package org.sinus.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set} of the commands that use a finished run: only machine-local settings, given anew. */
public final class MachineLocalSettings {
  @Option(names = {"-s", "--set"}, paramLabel = "key=value",
      description = "A machine-local setting given anew, e.g. --set dataset.path=/data/ptb-xl (where the data is on this "
          + "machine) or --set training.threads.intra-op=2; settings that would change the experiment are refused "
          + "(repeatable).")
  List<String> overrides = new ArrayList<>();
}
