package org.sinus.engine.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.sinus.engine.run.ExperimentRunner;
import org.sinus.engine.run.RunDirectory;
import org.sinus.engine.run.RunStatus;

/**
 * Runs one run of a sweep in this process as {@code sinus train} trains it, with up to {@code retries} more
 * attempts when it fails. A run whose directory was left by a killed sweep is continued from its checkpoint
 * (as {@code sinus train --resume}); a run found completed is only recorded. Every change of the run's entry
 * is handed to a recorder ({@code sweep.json} of the local engine; nothing on a Spark executor, whose result
 * goes back to the driver).
 */
public final class RunAttempts {
  private static final Logger LOG = Logger.getLogger(RunAttempts.class.getName());

  private final ExperimentRunner runner;
  private final Path directory;
  private final int retries;
  private final List<String> threadSettings;

  /**
   * @param runner trains and resumes runs
   * @param directory the sweep's directory (run directories are recorded relative to it)
   * @param retries how many more attempts after a failure
   * @param threadSettings the engine's machine-local settings for a resumed run
   */
  public RunAttempts(ExperimentRunner runner, Path directory, int retries, List<String> threadSettings) {
    this.runner = runner;
    this.directory = directory;
    this.retries = retries;
    this.threadSettings = List.copyOf(threadSettings);
  }

  /** Runs {@code planned} whose entry is {@code entry}; returns its last entry (completed or failed). */
  public SweepState.Entry run(PlannedRun planned, SweepState.Entry entry, UnaryOperator<SweepState.Entry> recorder) {
    SweepState.Entry latest = entry;
    for (int attempt = 0; attempt <= retries; attempt++) {
      Path earlier = latest.run() == null ? null : directory.resolve(latest.run());
      String earlierState = earlier != null && Files.isRegularFile(earlier.resolve(RunDirectory.EXPERIMENT))
          ? RunStatus.of(RunDirectory.open(earlier)).state() : null;
      if (RunStatus.COMPLETED.equals(earlierState)) {
        return recorder.apply(latest.with(SweepState.COMPLETED, latest.attempts(), null, latest.run()));
      }
      if (RunStatus.RUNNING.equals(earlierState)) {
        return recorder.apply(latest.with(SweepState.FAILED, latest.attempts(), earlier + " is being trained by "
            + "another process", latest.run()));
      }
      boolean resume = earlierState != null && !earlierState.equals(RunStatus.FAILED);
      int attempts = latest.attempts() + 1;
      SweepState.Entry before = latest;
      AtomicReference<SweepState.Entry> current = new AtomicReference<>(latest);
      try {
        if (resume) {
          LOG.info("sweep: continuing " + planned.label() + " in " + earlier);
          current.set(recorder.apply(before.with(SweepState.RUNNING, attempts, null, before.run())));
          runner.resume(earlier, threadSettings);
        } else {
          LOG.info("sweep: running " + planned.label() + " (" + planned.id() + ")");
          runner.train(planned.experiment(), run -> current.set(recorder.apply(before.with(SweepState.RUNNING,
              attempts, null, directory.relativize(run.path().toAbsolutePath().normalize()).toString()))));
        }
        return recorder.apply(current.get().with(SweepState.COMPLETED, attempts, null, current.get().run()));
      } catch (RuntimeException e) {
        String error = String.valueOf(e.getMessage());
        latest = recorder.apply(current.get().with(SweepState.FAILED, attempts, error, current.get().run()));
        LOG.warning("sweep: " + planned.label() + " failed (attempt " + attempts + "): " + error);
      }
    }
    return latest;
  }
}
