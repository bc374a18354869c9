package org.sinus.cli;

import java.nio.file.Path;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.Progress;
import org.sinus.engine.report.RunReport;
import org.sinus.engine.run.ExperimentRunner;
import org.sinus.engine.sweep.SweepFile;
import org.sinus.engine.sweep.SweepLoader;
import org.sinus.engine.sweep.SweepRunner;
import org.sinus.engine.sweep.SweepState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sinus sweep}: many ordinary runs of one experiment, a grid of overrides × cross-validation folds. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Run a sweep: a base experiment with each point of a grid of overrides (and each fold of a "
        + "cross-validation), every one an ordinary run directory as sinus train makes it, under "
        + "<output.dir>/<name>/runs/. Every point is validated before anything trains.",
        "Idempotent and restartable: <output.dir>/<name>/sweep.json lists each run by the hash of its resolved "
            + "experiment with its state; a completed run is never run again, a failed one is retried (retries), "
            + "and running the sweep again after a kill continues where it stopped. Exit code 5 when a run failed "
            + "every attempt."})
final class SweepCommand extends SinusSubcommand {
  @Parameters(index = "0", paramLabel = "<sweep.conf>", description = "The sweep (HOCON).")
  Path file;

  @Override
  public Integer call() {
    SweepFile sweep = new SweepLoader(registry().reference()).load(file);
    // concurrent runs would draw their progress bars over each other
    Progress progress = sweep.engine().parallelism() > 1 ? Progress.NONE : progress();
    ExperimentRunner runner = new ExperimentRunner(registry(), progress, dataContext(), run -> RunReport.write(run.path()));
    SweepRunner.Outcome outcome = new SweepRunner(registry(), runner).run(sweep);
    for (SweepState.Entry run : outcome.runs()) {
      System.out.println(run.state() + " " + run.id() + " " + run.point()
          + (run.run() == null ? "" : ": " + outcome.directory().resolve(run.run()))
          + (run.state().equals(SweepState.FAILED) ? System.lineSeparator() + "  after " + run.attempts()
              + " attempts: " + run.error() : ""));
    }
    System.out.println("sweep: " + outcome.directory().resolve(SweepState.FILE) + " (" + outcome.runs().size()
        + " runs, " + outcome.skipped() + " completed before)");
    if (!outcome.failed().isEmpty()) {
      throw new SinusException(ExitCode.RUN, outcome.failed().size() + " of " + outcome.runs().size()
          + " runs failed; run the sweep again to retry them: sinus sweep " + file);
    }
    return 0;
  }
}
