package org.sinus.engine.sweep;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.AtomicFiles;
import org.sinus.api.util.Json;

/**
 * A sweep's {@code sweep.json}: every run it knows (by hash) with its state, attempts, last error and run
 * directory. Rewritten atomically after every change, so a killed sweep leaves a whole file to resume
 * from. Runs that a changed sweep file no longer plans stay listed (their results are still there).
 * Safe to update from several threads.
 */
public final class SweepState {
  public static final String FILE = "sweep.json";
  public static final String PENDING = "pending";
  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  /**
   * One run of the sweep.
   *
   * @param id the hash of its resolved experiment
   * @param point its overrides and fold, for people
   * @param settings its overrides
   * @param state pending, running, completed or failed
   * @param attempts how many times it was started, over all invocations of the sweep
   * @param error the error of its last failed attempt, or null
   * @param run its (latest) run directory relative to the sweep directory, or null before it first started
   */
  public record Entry(String id, String point, List<String> settings, String state, int attempts, String error,
                      String run) {
    public Entry {
      settings = List.copyOf(settings);
    }

    Entry with(String newState, int newAttempts, String newError, String newRun) {
      return new Entry(id, point, settings, newState, newAttempts, newError, newRun);
    }

    /** The entry as it is written to {@code sweep.json}. */
    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("point", point);
      json.put("settings", settings);
      json.put("state", state);
      json.put("attempts", attempts);
      json.put("error", error);
      json.put("run", run);
      return json;
    }

    /** An entry as {@link #toJson()} wrote it. */
    public static Entry fromJson(Config json) {
      return new Entry(json.getString("id"), json.getString("point"), json.getStringList("settings"),
          json.getString("state"), json.getInt("attempts"), json.getIsNull("error") ? null : json.getString("error"),
          json.getIsNull("run") ? null : json.getString("run"));
    }
  }

  private final Path directory;
  private final Map<String, Object> header;
  private final Map<String, Entry> entries;

  private SweepState(Path directory, Map<String, Object> header, Map<String, Entry> entries) {
    this.directory = directory;
    this.header = header;
    this.entries = entries;
  }

  /**
   * The state of the sweep in {@code directory}, as {@code sweep.json} left it, with a pending entry for each
   * planned run it does not know yet; written back before it is returned.
   */
  public static SweepState open(Path directory, SweepFile sweep, List<PlannedRun> planned) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    Path file = directory.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try {
        Json.parse(Files.readString(file)).getConfigList("points")
            .forEach(json -> entries.put(json.getString("id"), Entry.fromJson(json)));
      } catch (IOException | com.typesafe.config.ConfigException e) {
        throw new SinusException(ExitCode.RUN, "cannot read the sweep's state " + file + ": " + e.getMessage()
            + " (move it away to start the sweep afresh)", e);
      }
    }
    for (PlannedRun run : planned) {
      entries.putIfAbsent(run.id(), new Entry(run.id(), run.label(), run.settings(), PENDING, 0, null, null));
    }
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("sweep", sweep.name());
    header.put("file", sweep.file().toAbsolutePath().normalize().toString());
    header.put("experiment", sweep.experiment().toString());
    SweepState state = new SweepState(directory, header, entries);
    state.write();
    return state;
  }

  public Path directory() {
    return directory;
  }

  public synchronized Optional<Entry> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** Every run the state knows, in the order first planned. */
  public synchronized List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  synchronized Entry update(Entry entry) {
    entries.put(entry.id(), entry);
    write();
    return entry;
  }

  private void write() {
    Map<String, Object> json = new LinkedHashMap<>(header);
    json.put("updated", OffsetDateTime.now().toString());
    json.put("points", entries.values().stream().map(Entry::toJson).toList());
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new SinusException(ExitCode.FAILURE, "cannot create the sweep directory " + directory + ": "
          + e.getMessage(), e);
    }
    AtomicFiles.writeString(directory.resolve(FILE), Json.pretty(json));
  }
}
