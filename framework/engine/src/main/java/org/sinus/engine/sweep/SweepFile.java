package org.sinus.engine.sweep;

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
  public record EngineSettings(String type, int parallelism, String master) {}
}
