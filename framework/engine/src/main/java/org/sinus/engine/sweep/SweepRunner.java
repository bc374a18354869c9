package org.sinus.engine.sweep;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.run.ExperimentRunner;

/**
 * Runs a sweep, idempotently: every point × fold is validated first, then the sweep's engine runs each run
 * that {@code sweep.json} does not list as completed as {@code sinus train} trains it (in {@code <sweep>/runs/};
 * see {@link RunAttempts}). One process at a time runs a sweep (a lock on its directory).
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
    SweepEngine engine = SweepEngines.named(sweep.engine().type()).orElseThrow();
    List<String> threadSettings = engine.threadSettings(sweep.engine());
    List<PlannedRun> planned = new SweepPlanner(registry).plan(sweep, machineSettings(directory, threadSettings));
    try (SweepLock lock = SweepLock.acquire(directory)) {
      return run(sweep, directory, engine, threadSettings, planned);
    }
  }

  /**
   * The machine-local settings of every run of the sweep in {@code directory}: the engine's threads and where
   * the runs go.
   */
  public static List<String> machineSettings(Path directory, List<String> threadSettings) {
    List<String> machineSettings = new ArrayList<>(threadSettings);
    machineSettings.add("output.dir=" + ConfigValueFactory.fromAnyRef(directory.resolve("runs").toString())
        .render(ConfigRenderOptions.concise()));
    return machineSettings;
  }

  private Outcome run(SweepFile sweep, Path directory, SweepEngine engine, List<String> threadSettings,
                      List<PlannedRun> planned) {
    SweepState state = SweepState.open(directory, sweep, planned);
    List<SweepJob.Pending> pending = new ArrayList<>();
    int skipped = 0;
    for (PlannedRun run : planned) {
      SweepState.Entry entry = state.get(run.id()).orElseThrow();
      if (entry.state().equals(SweepState.COMPLETED)) {
        skipped++;
      } else {
        pending.add(new SweepJob.Pending(run, entry));
      }
    }
    LOG.info(String.format("sweep %s: %d runs, %d completed before, %d to run (%s) in %s", sweep.name(),
        planned.size(), skipped, pending.size(), engine.describe(sweep.engine()), directory));
    if (sweep.engine().buildCaches() && !pending.isEmpty()) {
      engine.buildCaches(new SweepCaches(sweep, pending, registry, runner.dataContext()));
    }
    engine.runAll(new SweepJob(sweep, state, pending,
        new RunAttempts(runner, directory, sweep.retries(), threadSettings)));
    List<SweepState.Entry> runs = planned.stream().map(run -> state.get(run.id()).orElseThrow()).toList();
    return new Outcome(directory, runs, skipped);
  }
}
