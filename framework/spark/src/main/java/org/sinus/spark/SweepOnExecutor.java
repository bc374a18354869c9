package org.sinus.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.cli.CompositionRoot;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.run.ExperimentSetup;
import org.sinus.engine.sweep.ExperimentHash;
import org.sinus.engine.sweep.SweepFile;
import org.sinus.engine.sweep.SweepLoader;
import org.sinus.engine.sweep.SweepRunner;
import org.sinus.engine.sweep.SweepState;

/**
 * What a task needs to find a sweep's run on an executor: the sweep file and directory on the shared file
 * system and the engine's machine-local thread settings. {@link #load} wires the executor's plugins, reads
 * the sweep file and the run's experiment, and checks that they give the run the hash the driver planned.
 *
 * @param sweepFile the sweep file (absolute, on the shared file system)
 * @param directory the sweep's directory (absolute, on the shared file system)
 * @param threadSettings the engine's machine-local thread settings
 */
record SweepOnExecutor(String sweepFile, String directory, ArrayList<String> threadSettings) implements Serializable {

  /** A run of the sweep as loaded on this executor. */
  record LoadedRun(PluginRegistry registry, SweepFile sweep, Experiment experiment, ExperimentSetup setup) {}

  LoadedRun load(SweepState.Entry entry) {
    PluginRegistry registry = CompositionRoot.load();
    SweepFile sweep = new SweepLoader(registry.reference()).load(Path.of(sweepFile));
    List<String> overrides = new ArrayList<>(SweepFile.overridesOf(entry.settings()));
    overrides.addAll(SweepRunner.machineSettings(Path.of(directory), threadSettings));
    Experiment experiment = new ExperimentLoader(registry).load(sweep.experimentOf(entry.settings()), overrides);
    ExperimentSetup setup = ExperimentSetup.create(experiment, registry);
    String id = ExperimentHash.of(setup);
    if (!id.equals(entry.id())) {
      throw new SinusException(ExitCode.RUN, "run " + entry.point() + " of " + sweepFile + " is " + id
          + " on this executor, not " + entry.id() + " as on the driver: do the executors see the same sweep "
          + "file, experiment and plugins (a shared file system)?");
    }
    return new LoadedRun(registry, sweep, experiment, setup);
  }
}
