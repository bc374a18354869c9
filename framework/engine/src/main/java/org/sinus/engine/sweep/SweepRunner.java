package org.sinus.engine.sweep;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.run.ExperimentRunner;
import org.sinus.engine.run.RunDirectory;
import org.sinus.engine.run.RunStatus;

/**
 * Runs a sweep, idempotently: every point × fold is validated first, then each run that {@code sweep.json}
 * does not list as completed is trained as {@code sinus train} trains it (in {@code <sweep>/runs/}), with
 * up to {@code retries} more attempts when it fails. A run whose directory was left by a killed sweep is
 * continued from its checkpoint (as {@code sinus train --resume}); a run found completed is only recorded.
 * One process at a time runs a sweep (a lock on its directory).
 */
public final class SweepRunner {
  private static final Logger LOG = Logger.getLogger(SweepRunner.class.getName());

  private final PluginRegistry registry;
  private final ExperimentRunner runner;

  public SweepRunner(PluginRegistry registry, ExperimentRunner runner) {
    this.registry = registry;
    this.runner = runner;
  }

  /**
   * What the sweep did.
   *
   * @param directory the sweep's directory
   * @param runs the state of each run of the sweep file, in its order
   * @param skipped how many of them were completed before and were not run again
   */
  public record Outcome(Path directory, List<SweepState.Entry> runs, int skipped) {
    public List<SweepState.Entry> failed() {
      return runs.stream().filter(run -> run.state().equals(SweepState.FAILED)).toList();
    }
  }

  public Outcome run(SweepFile sweep) {
    Path directory = sweep.directory().toAbsolutePath().normalize();
    LocalEngine engine = new LocalEngine(sweep.engine().parallelism(), Runtime.getRuntime().availableProcessors());
    List<String> machineSettings = new ArrayList<>(engine.threadSettings());
    machineSettings.add("output.dir=" + ConfigValueFactory.fromAnyRef(directory.resolve("runs").toString())
        .render(ConfigRenderOptions.concise()));
    List<PlannedRun> planned = new SweepPlanner(registry).plan(sweep, machineSettings);
    try (SweepLock lock = SweepLock.acquire(directory)) {
      return run(sweep, directory, engine, planned);
    }
  }

  private Outcome run(SweepFile sweep, Path directory, LocalEngine engine, List<PlannedRun> planned) {
    SweepState state = SweepState.open(directory, sweep, planned);
    List<Runnable> work = new ArrayList<>();
    int skipped = 0;
    for (PlannedRun run : planned) {
      if (state.get(run.id()).orElseThrow().state().equals(SweepState.COMPLETED)) {
        skipped++;
      } else {
        work.add(() -> runWithRetries(run, state, sweep.retries(), engine.threadSettings()));
      }
    }
    LOG.info(String.format("sweep %s: %d runs, %d completed before, %d to run (%s engine, %d at once) in %s",
        sweep.name(), planned.size(), skipped, work.size(), sweep.engine().type(), sweep.engine().parallelism(),
        directory));
    engine.runAll(work);
    List<SweepState.Entry> runs = planned.stream().map(run -> state.get(run.id()).orElseThrow()).toList();
    return new Outcome(directory, runs, skipped);
  }

  private void runWithRetries(PlannedRun planned, SweepState state, int retries, List<String> threadSettings) {
    for (int attempt = 0; attempt <= retries; attempt++) {
      SweepState.Entry entry = state.get(planned.id()).orElseThrow();
      Path earlier = entry.run() == null ? null : state.directory().resolve(entry.run());
      String earlierState = earlier != null && Files.isRegularFile(earlier.resolve(RunDirectory.EXPERIMENT))
          ? RunStatus.of(RunDirectory.open(earlier)).state() : null;
      if (RunStatus.COMPLETED.equals(earlierState)) {
        state.update(entry.with(SweepState.COMPLETED, entry.attempts(), null, entry.run()));
        return;
      }
      if (RunStatus.RUNNING.equals(earlierState)) {
        state.update(entry.with(SweepState.FAILED, entry.attempts(), earlier + " is being trained by another "
            + "process", entry.run()));
        return;
      }
      boolean resume = earlierState != null && !earlierState.equals(RunStatus.FAILED);
      int attempts = entry.attempts() + 1;
      AtomicReference<SweepState.Entry> current = new AtomicReference<>(entry);
      try {
        if (resume) {
          LOG.info("sweep: continuing " + planned.label() + " in " + earlier);
          current.set(state.update(entry.with(SweepState.RUNNING, attempts, null, entry.run())));
          runner.resume(earlier, threadSettings);
        } else {
          LOG.info("sweep: running " + planned.label() + " (" + planned.id() + ")");
          runner.train(planned.experiment(), run -> current.set(state.update(entry.with(SweepState.RUNNING, attempts,
              null, state.directory().relativize(run.path().toAbsolutePath().normalize()).toString()))));
        }
        state.update(current.get().with(SweepState.COMPLETED, attempts, null, current.get().run()));
        return;
      } catch (RuntimeException e) {
        String error = String.valueOf(e.getMessage());
        state.update(current.get().with(SweepState.FAILED, attempts, error, current.get().run()));
        LOG.warning("sweep: " + planned.label() + " failed (attempt " + attempts + "): " + error);
      }
    }
  }
}
