package org.sinus.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.AtomicFiles;
import org.sinus.api.util.Json;
import org.sinus.engine.sweep.SweepState;

/**
 * What the executors last knew of each run, on the shared file system: {@code <sweep>/spark/<run id>.json},
 * the run's latest entry (its run directory as soon as it has one), written atomically by the task at every
 * change. The driver records only what a finished job returns; when it was killed meanwhile, the next
 * invocation starts from these entries, so a run the kill interrupted is continued from its checkpoint in
 * its run directory as with the local engine.
 */
final class TaskProgress {
  static final String DIRECTORY = "spark";

  private TaskProgress() {}

  private static Path file(Path sweepDirectory, String id) {
    return sweepDirectory.resolve(DIRECTORY).resolve(id + ".json");
  }

  /** Writes the run's latest entry; returns it. */
  static SweepState.Entry write(Path sweepDirectory, SweepState.Entry entry) {
    Path file = file(sweepDirectory, entry.id());
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new SinusException(ExitCode.FAILURE, "cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeString(file, Json.pretty(entry.toJson()));
    return entry;
  }

  /** The run's latest entry as an executor wrote it, if one did. */
  static Optional<SweepState.Entry> read(Path sweepDirectory, String id) {
    Path file = file(sweepDirectory, id);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SweepState.Entry.fromJson(Json.parse(Files.readString(file))));
    } catch (IOException | com.typesafe.config.ConfigException e) {
      throw new SinusException(ExitCode.RUN, "cannot read " + file + ", what an executor last knew of run " + id
          + ": " + e.getMessage() + " (delete it to start the run afresh)", e);
    }
  }
}
