package org.sinus.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.DataContext;
import org.sinus.api.util.Json;
import org.sinus.api.util.Progress;
import org.sinus.cli.CompositionRoot;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.report.RunReport;
import org.sinus.engine.run.ExperimentRunner;
import org.sinus.engine.run.ExperimentSetup;
import org.sinus.engine.sweep.ExperimentHash;
import org.sinus.engine.sweep.PlannedRun;
import org.sinus.engine.sweep.RunAttempts;
import org.sinus.engine.sweep.SweepFile;
import org.sinus.engine.sweep.SweepLoader;
import org.sinus.engine.sweep.SweepRunner;
import org.sinus.engine.sweep.SweepState;

/**
 * One Spark task: runs one run of a sweep on an executor as the local engine runs it ({@link RunAttempts},
 * retries included), from its {@code sweep.json} entry (JSON) to its last entry (JSON), writing every change
 * to {@link TaskProgress}. The executor wires
 * the plugins on its class path, reads the sweep file and the experiment from the shared file system and
 * checks that they give the run the hash the driver planned.
 */
final class RunOnExecutor implements Function<String, String> {
  private static final long serialVersionUID = 1L;

  private final String sweepFile;
  private final String directory;
  private final ArrayList<String> threadSettings;

  /**
   * @param sweepFile the sweep file (absolute, on the shared file system)
   * @param directory the sweep's directory (absolute, on the shared file system)
   * @param threadSettings the engine's machine-local thread settings
   */
  RunOnExecutor(String sweepFile, String directory, ArrayList<String> threadSettings) {
    this.sweepFile = sweepFile;
    this.directory = directory;
    this.threadSettings = threadSettings;
  }

  @Override
  public String call(String entryJson) {
    SweepState.Entry entry = SweepState.Entry.fromJson(Json.parse(entryJson));
    PluginRegistry registry = CompositionRoot.load();
    SweepFile sweep = new SweepLoader(registry.reference()).load(Path.of(sweepFile));
    List<String> overrides = new ArrayList<>(entry.settings());
    overrides.addAll(SweepRunner.machineSettings(Path.of(directory), threadSettings));
    Experiment experiment = new ExperimentLoader(registry).load(sweep.experiment(), overrides);
    String id = ExperimentHash.of(ExperimentSetup.create(experiment, registry));
    if (!id.equals(entry.id())) {
      throw new SinusException(ExitCode.RUN, "run " + entry.point() + " of " + sweepFile + " is " + id
          + " on this executor, not " + entry.id() + " as on the driver: do the executors see the same sweep "
          + "file, experiment and plugins (a shared file system)?");
    }
    Progress quiet = Progress.NONE;
    ExperimentRunner runner = new ExperimentRunner(registry, quiet, DataContext.defaults(quiet),
        run -> RunReport.write(run.path()));
    PlannedRun planned = new PlannedRun(entry.id(), entry.point(), entry.settings(), experiment);
    SweepState.Entry result = new RunAttempts(runner, Path.of(directory), sweep.retries(), threadSettings)
        .run(planned, entry, changed -> TaskProgress.write(Path.of(directory), changed));
    return Json.pretty(result.toJson());
  }
}
