package org.sinus.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.sinus.engine.util.FileTrees;

/** Copies of a trained run directory, to evaluate, move or play a killed run without touching the original. */
public final class RunCopies {
  private RunCopies() {}

  /** A copy of the directory tree {@code from} at {@code to}. */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }

  /**
   * A copy of a completed run as its process leaves it when killed during epoch {@code killedIn}:
   * no checkpoint of that epoch, no model, no evaluation, and a status file that still says
   * "running" (with no process holding the run's lock).
   */
  public static Path killedDuring(Path completed, int killedIn, Path to) throws IOException {
    copy(completed, to);
    FileTrees.delete(to.resolve(String.format("checkpoints/epoch-%04d", killedIn)));
    FileTrees.delete(to.resolve("model"));
    FileTrees.delete(to.resolve("evaluation"));
    Files.writeString(to.resolve("status.json"), "{\n  \"state\": \"running\",\n  \"updated\": \"2026-01-01T00:00:00Z\"\n}\n");
    return to;
  }
}
