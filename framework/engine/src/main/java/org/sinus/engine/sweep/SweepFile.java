package org.sinus.engine.sweep;

import com.typesafe.config.ConfigFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded sweep file: which experiment to run with which overrides, how, and where the results go.
 *
 * @param name the sweep's name, its directory under {@code outputDir}
 * @param file the sweep file
 * @param experiment the base experiment file
 * @param points the grid's product, then the explicit points (one point without overrides if neither is given)
 * @param crossValidation the folds each point runs on, if any
 * @param engine where and how many runs at once
 * @param retries how many more times a failed point is tried in one invocation
 * @param outputDir where the sweep's directory is made
 */
public record SweepFile(String name, Path file, Path experiment, List<SweepPoint> points,
                        CrossValidation crossValidation, EngineSettings engine, int retries, Path outputDir) {
  public SweepFile {
    points = List.copyOf(points);
  }

  /**
   * The key of a grid or point that gives it another base experiment than the sweep's (a file relative to
   * the sweep file), so that one sweep can compare models whose blocks differ: {@code grid { experiment =
   * ["../ptbxl-time-resnet1d.conf", "../ptbxl-fft-transformer.conf"] }}.
   */
  public static final String EXPERIMENT_KEY = "experiment";

  /** The base experiment of a run with these settings: the one its point names, else the sweep's. */
  public Path experimentOf(List<String> settings) {
    Path base = experiment;
    for (String setting : settings) {
      if (setting.startsWith(EXPERIMENT_KEY + "=")) {
        base = resolveExperiment(file, ConfigFactory.parseString("value = "
            + setting.substring(EXPERIMENT_KEY.length() + 1)).getString("value"));
      }
    }
    return base;
  }

  /** An experiment file named in {@code sweepFile}, whose paths are relative to the sweep file. */
  static Path resolveExperiment(Path sweepFile, String relative) {
    return sweepFile.toAbsolutePath().normalize().getParent().resolve(relative).normalize();
  }

  /** The settings without the choice of experiment: the overrides on the base experiment. */
  public static List<String> overridesOf(List<String> settings) {
    return settings.stream().filter(setting -> !setting.startsWith(EXPERIMENT_KEY + "=")).toList();
  }

  /** The sweep's directory: {@code <output.dir>/<name>}. */
  public Path directory() {
    return outputDir.resolve(name);
  }

  /**
   * Where the sweep runs.
   *
   * @param type the engine: {@value LocalSweepEngine#TYPE} or one a module adds ({@link SweepEngines})
   * @param parallelism how many runs at once (local)
   * @param master the Spark master URL (spark), e.g. {@code local[2]}; spark-submit's {@code --master} wins
   */
  public record EngineSettings(String type, int parallelism, String master, boolean buildCaches,
                               int cacheTaskRecords) {}
}
