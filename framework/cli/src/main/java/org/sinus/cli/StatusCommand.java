package org.sinus.cli;

import java.nio.file.Path;
import java.util.List;
import org.sinus.engine.run.RunDirectory;
import org.sinus.engine.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sinus status}: what became of runs, including those whose process died. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Say, for each run directory, whether it is running, completed, failed or interrupted (its "
        + "process ended without finishing, e.g. killed), and how to continue an interrupted one.",
        "Exit code 0 when every run given is completed, 5 otherwise."})
final class StatusCommand extends SinusSubcommand {
  @Parameters(arity = "1..*", paramLabel = "<run-dir>", description = "Run directories made by sinus train.")
  List<Path> runs;

  @Override
  public Integer call() {
    boolean allCompleted = true;
    for (Path path : runs) {
      RunStatus status = RunStatus.of(RunDirectory.open(path));
      System.out.println(path + ": " + status);
      allCompleted &= status.state().equals(RunStatus.COMPLETED);
    }
    return allCompleted ? 0 : 5;
  }
}
