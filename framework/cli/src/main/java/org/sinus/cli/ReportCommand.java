package org.sinus.cli;

import java.nio.file.Path;
import java.util.List;
import org.sinus.engine.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sinus report}: a run's report.html built again from its directory. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Build each run's report.html again from what its directory holds: the macro AUC of every "
        + "evaluated split with its interval, the training curves, ROC and precision-recall curves, every class with "
        + "bootstrap intervals and its confusion matrix at the decision threshold, the class balance of the data, the "
        + "provenance and the resolved experiment, in one page that needs nothing but a browser. sinus train and "
        + "sinus evaluate write it too; a run that has no evaluation yet (or was killed) gets a report that says what "
        + "is missing.",
        "Exit code 5 if a directory is not a run directory."})
final class ReportCommand extends SinusSubcommand {
  @Parameters(arity = "1..*", paramLabel = "<run-dir>", description = "Run directories made by sinus train.")
  List<Path> runs;

  @Override
  public Integer call() {
    for (Path run : runs) {
      System.out.println("report: " + RunReport.write(run));
    }
    return 0;
  }
}
