package org.sinus.engine.run;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.util.Optional;
import org.sinus.api.util.Json;

/**
 * What a run directory's {@code status.json} says, corrected for a dead owner: a run that says
 * "running" while no process holds its lock was interrupted (killed, or its machine stopped).
 *
 * @param state running, completed, failed, interrupted, or unknown (no status file)
 * @param detail the error of a failed run, or how to continue an interrupted one
 */
public record RunStatus(String state, String detail) {
  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";
  public static final String INTERRUPTED = "interrupted";

  /** The status of {@code run}, as now. */
  public static RunStatus of(RunDirectory run) {
    if (!Files.isRegularFile(run.resolve(RunDirectory.STATUS))) {
      return new RunStatus("unknown", run.resolve(RunDirectory.STATUS) + " is missing");
    }
    Config status = Json.parse(run.readString(RunDirectory.STATUS));
    String state = status.hasPath("state") ? status.getString("state") : "unknown";
    if (state.equals(RUNNING)) {
      Optional<RunLock> lock = RunLock.tryAcquire(run);
      if (lock.isPresent()) {
        lock.get().close();
        return new RunStatus(INTERRUPTED, "its process ended without finishing (last update "
            + (status.hasPath("updated") ? status.getString("updated") : "?") + "); continue it with sinus train "
            + "--resume " + run);
      }
      return new RunStatus(RUNNING, "pid " + (status.hasPath("pid") ? status.getLong("pid") : "?"));
    }
    return new RunStatus(state, status.hasPath("error") ? status.getString("error") : "");
  }

  @Override
  public String toString() {
    return detail.isEmpty() ? state : state + ": " + detail;
  }
}
