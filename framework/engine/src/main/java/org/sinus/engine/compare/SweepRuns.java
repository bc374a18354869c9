package org.sinus.engine.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.Json;

/**
 * The completed runs of a sweep, as its {@code sweep.json} lists them, each with its grid point (the
 * point's overrides without seed and fold), seed and test fold; runs not completed are left out with a note.
 *
 * @param directory the sweep directory
 * @param runs the completed runs, in the order {@code sweep.json} lists them
 * @param notes sentences on runs left out
 */
public record SweepRuns(Path directory, List<Run> runs, List<String> notes) {
  /** The file a sweep directory holds (as {@code org.sinus.engine.sweep.SweepState} writes it). */
  public static final String FILE = "sweep.json";
  /** The seed of a run whose point does not set one. */
  public static final String BASE_SEED = "base";
  private static final String SEED = "seed=";
  private static final String SPLIT = "dataset.split.";
  private static final String TEST_FOLD = "dataset.split.test=";

  /**
   * One completed run of the sweep.
   *
   * @param point the point's overrides without seed and fold ({@code model.filters=32}), or {@code the base experiment}
   * @param seed the value of its {@code seed} override, or {@value #BASE_SEED}
   * @param fold its test fold ({@code [2]}), or empty without cross-validation
   * @param directory its run directory
   */
  public record Run(String point, String seed, String fold, Path directory) {}

  public SweepRuns {
    runs = List.copyOf(runs);
    notes = List.copyOf(notes);
  }

  /** Whether {@code directory} is a sweep directory (it holds {@value #FILE}). */
  public static boolean isSweep(Path directory) {
    return Files.isRegularFile(directory.resolve(FILE));
  }

  /**
   * Reads {@code sweep.json} of a sweep directory.
   *
   * @throws SinusException (run) naming the file if it cannot be read
   */
  public static SweepRuns read(Path directory) {
    Path file = directory.resolve(FILE);
    List<? extends Config> points;
    try {
      points = Json.parse(Files.readString(file)).getConfigList("points");
    } catch (IOException | ConfigException e) {
      throw new SinusException(ExitCode.RUN, "cannot read the sweep's state " + file + ": " + e.getMessage(), e);
    }
    List<Run> runs = new ArrayList<>();
    Map<String, Integer> notCompleted = new LinkedHashMap<>();
    for (Config entry : points) {
      String state = entry.getString("state");
      if (!state.equals("completed") || entry.getIsNull("run")) {
        notCompleted.merge(state, 1, Integer::sum);
        continue;
      }
      List<String> point = new ArrayList<>();
      String seed = BASE_SEED;
      String fold = "";
      for (String setting : entry.getStringList("settings")) {
        if (setting.startsWith(SEED)) {
          seed = setting.substring(SEED.length());
        } else if (setting.startsWith(TEST_FOLD)) {
          fold = setting.substring(TEST_FOLD.length());
        } else if (!setting.startsWith(SPLIT)) {
          point.add(setting);
        }
      }
      runs.add(new Run(point.isEmpty() ? "the base experiment" : String.join(", ", point), seed, fold,
          directory.resolve(entry.getString("run"))));
    }
    List<String> notes = new ArrayList<>();
    notCompleted.forEach((state, count) -> notes.add(count + " run" + (count == 1 ? " is " : "s are ") + state
        + " in " + file + " and left out"));
    return new SweepRuns(directory, runs, notes);
  }
}
