package org.sinus.spark;

import java.nio.file.Path;
import org.apache.spark.api.java.function.Function;
import org.sinus.api.data.DataContext;
import org.sinus.api.util.Json;
import org.sinus.api.util.Progress;
import org.sinus.engine.report.RunReport;
import org.sinus.engine.run.ExperimentRunner;
import org.sinus.engine.sweep.PlannedRun;
import org.sinus.engine.sweep.RunAttempts;
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

  private final SweepOnExecutor sweep;

  RunOnExecutor(SweepOnExecutor sweep) {
    this.sweep = sweep;
  }

  @Override
  public String call(String entryJson) {
    SweepState.Entry entry = SweepState.Entry.fromJson(Json.parse(entryJson));
    SweepOnExecutor.LoadedRun run = sweep.load(entry);
    Progress quiet = Progress.NONE;
    ExperimentRunner runner = new ExperimentRunner(run.registry(), quiet, DataContext.defaults(quiet),
        finished -> RunReport.write(finished.path()));
    PlannedRun planned = new PlannedRun(entry.id(), entry.point(), entry.settings(), run.experiment());
    Path directory = Path.of(sweep.directory());
    SweepState.Entry result = new RunAttempts(runner, directory, run.sweep().retries(), sweep.threadSettings())
        .run(planned, entry, changed -> TaskProgress.write(directory, changed));
    return Json.pretty(result.toJson());
  }
}
