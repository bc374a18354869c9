package org.sinus.engine.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.Origins;
import org.sinus.api.config.ProblemCollector;
import org.sinus.engine.config.KnownKeys;

/**
 * Reads a sweep file (HOCON): the base experiment (relative to the sweep file), a {@code grid} of
 * overrides whose cartesian product are points and/or explicit {@code points}, {@code cross-validation},
 * the {@code engine}, {@code retries} and {@code output.dir}. Every problem (unknown keys with a
 * did-you-mean, values of the wrong type, a missing experiment, an unknown engine) is reported together
 * with its {@code file:line}. The defaults are {@code sinus.sweep} in the framework's reference.conf.
 */
public final class SweepLoader {
  /** Where a sweep's defaults live in reference.conf. */
  public static final String DEFAULTS = "sinus.sweep";

  private final Config defaults;

  /** @param reference the merged reference.conf (of the plugin registry) */
  public SweepLoader(Config reference) {
    this.defaults = reference.getConfig(DEFAULTS);
  }

  /** Loads and checks a sweep file; throws a {@link org.sinus.api.config.ConfigException} listing every problem. */
  public SweepFile load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SinusException(ExitCode.CONFIG, "Sweep file not found: " + file);
    }
    ProblemCollector problems = new ProblemCollector();
    Config user = ConfigFactory.empty();
    try {
      user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
          .setAllowMissing(false)).resolve();
    } catch (ConfigException e) {
      problems.add(new ConfigProblem("(syntax)", Origins.describe(e.origin()),
          e.getMessage().replaceFirst("^.*?: \\d+: ", "")));
    }
    throwIfAny(problems, file);
    // name and experiment have no default (the file's name; required), but are known keys
    KnownKeys.check(user.root(), defaults.withValue("name", ConfigValueFactory.fromAnyRef(""))
        .withValue("experiment", ConfigValueFactory.fromAnyRef("")), problems);
    Config config = user.withFallback(defaults);
    Values values = new Values(config, problems);

    String name = values.string("name", file.getFileName().toString().replaceFirst("\\.conf$", ""));
    Path experiment = null;
    if (!config.hasPath("experiment")) {
      problems.add(new ConfigProblem("experiment", file.toString(), "missing: name the base experiment, e.g. "
          + "experiment = \"../quickstart.conf\" (relative to the sweep file)"));
    } else {
      String relative = values.string("experiment", "");
      experiment = SweepFile.resolveExperiment(file, relative);
      if (!relative.isEmpty() && !Files.isRegularFile(experiment)) {
        problems.add(new ConfigProblem("experiment", Origins.describe(config.getValue("experiment").origin()),
            "no experiment file " + experiment + " (the path is relative to the sweep file)"));
      }
    }
    List<SweepPoint> points = new ArrayList<>(grid(config, problems));
    points.addAll(explicitPoints(config, problems));
    checkExperiments(points, file, problems);
    if (points.isEmpty()) {
      points.add(new SweepPoint(Map.of(), Map.of()));
    }
    int folds = values.integer("cross-validation.folds");
    if (folds != 0 && folds < CrossValidation.MIN_FOLDS) {
      values.problem("cross-validation.folds", "must be 0 (none) or at least " + CrossValidation.MIN_FOLDS
          + " (a test fold, a validation fold and the rest to train on), not " + folds);
      folds = 0;
    }
    String engine = values.string("engine.type", LocalSweepEngine.TYPE);
    List<String> engines = SweepEngines.known();
    if (!engines.contains(engine)) {
      values.problem("engine.type", "unknown engine '" + engine + "'; known engines: " + String.join(", ", engines)
          + (engine.equals("spark") ? " (spark needs the sinus-spark module and Spark on the class path: "
          + "spark-submit, see README \"Sweeps\")" : ""));
    }
    String master = values.string("engine.master", "local[*]");
    int parallelism = values.integer("engine.parallelism");
    if (parallelism < 1) {
      values.problem("engine.parallelism", "must be at least 1, not " + parallelism);
    }
    boolean buildCaches = values.bool("engine.build-caches");
    int cacheTaskRecords = values.integer("engine.cache-task-records");
    if (cacheTaskRecords < 1) {
      values.problem("engine.cache-task-records", "must be at least 1, not " + cacheTaskRecords);
    }
    int retries = values.integer("retries");
    if (retries < 0) {
      values.problem("retries", "must be 0 or more, not " + retries);
    }
    Path outputDir = Path.of(values.string("output.dir", "runs"));
    throwIfAny(problems, file);
    return new SweepFile(name, file, experiment, points, new CrossValidation(folds),
        new SweepFile.EngineSettings(engine, parallelism, master, buildCaches,
            cacheTaskRecords), retries, outputDir);
  }

  /** The cartesian product of the grid's lists, the first key varying slowest. */
  private static List<SweepPoint> grid(Config config, ProblemCollector problems) {
    if (!config.hasPath("grid") || config.getValue("grid").valueType() != ConfigValueType.OBJECT) {
      if (config.hasPath("grid")) {
        problems.add(new ConfigProblem("grid", Origins.describe(config.getValue("grid").origin()),
            "must be a block of lists, e.g. grid { \"model.filters\" = [32, 64], seed = [0, 1] }"));
      }
      return List.of();
    }
    Map<String, ConfigValue> leaves = new LinkedHashMap<>();
    flatten(config.getObject("grid"), "", leaves);
    List<Map<String, String>> product = new ArrayList<>();
    product.add(new LinkedHashMap<>());
    for (Map.Entry<String, ConfigValue> dimension : leaves.entrySet()) {
      ConfigValue value = dimension.getValue();
      if (value.valueType() != ConfigValueType.LIST || ((List<?>) value.unwrapped()).isEmpty()) {
        problems.add(new ConfigProblem("grid." + dimension.getKey(), Origins.describe(value.origin()),
            "must be a non-empty list of the values to try, e.g. [32, 64], not " + render(value)));
        continue;
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : product) {
        for (ConfigValue choice : (ConfigList) value) {
          Map<String, String> point = new LinkedHashMap<>(partial);
          point.put(dimension.getKey(), render(choice));
          next.add(point);
        }
      }
      product = next;
    }
    Map<String, String> locations = new LinkedHashMap<>();
    leaves.forEach((key, value) -> locations.put(key, Origins.describe(value.origin())));
    return leaves.isEmpty() ? List.of() : product.stream().map(point -> new SweepPoint(point, locations)).toList();
  }

  private static List<SweepPoint> explicitPoints(Config config, ProblemCollector problems) {
    if (!config.hasPath("points")) {
      return List.of();
    }
    ConfigValue list = config.getValue("points");
    if (list.valueType() != ConfigValueType.LIST) {
      problems.add(new ConfigProblem("points", Origins.describe(list.origin()),
          "must be a list of blocks, e.g. points = [{ \"model.filters\" = 32, seed = 3 }], not " + render(list)));
      return List.of();
    }
    List<SweepPoint> points = new ArrayList<>();
    int index = 0;
    for (ConfigValue point : (ConfigList) list) {
      index++;
      if (!(point instanceof ConfigObject object)) {
        problems.add(new ConfigProblem("points[" + index + "]", Origins.describe(point.origin()),
            "must be a block of overrides, e.g. { \"model.filters\" = 32 }, not " + render(point)));
        continue;
      }
      Map<String, ConfigValue> leaves = new LinkedHashMap<>();
      flatten(object, "", leaves);
      Map<String, String> overrides = new LinkedHashMap<>();
      Map<String, String> locations = new LinkedHashMap<>();
      leaves.forEach((key, value) -> {
        overrides.put(key, render(value));
        locations.put(key, Origins.describe(value.origin()));
      });
      points.add(new SweepPoint(overrides, locations));
    }
    return points;
  }

  /** Every experiment a point chooses ({@link SweepFile#EXPERIMENT_KEY}) is a file, named as a string. */
  private static void checkExperiments(List<SweepPoint> points, Path file, ProblemCollector problems) {
    java.util.Set<String> checked = new java.util.HashSet<>();
    for (SweepPoint point : points) {
      String value = point.overrides().get(SweepFile.EXPERIMENT_KEY);
      if (value == null || !checked.add(value)) {
        continue;
      }
      String location = point.locations().getOrDefault(SweepFile.EXPERIMENT_KEY, file.toString());
      ConfigValue parsed = ConfigFactory.parseString("value = " + value).getValue("value");
      if (parsed.valueType() != ConfigValueType.STRING) {
        problems.add(new ConfigProblem(SweepFile.EXPERIMENT_KEY, location, "must name an experiment file (a string, "
            + "relative to the sweep file), not " + value));
      } else {
        Path experiment = SweepFile.resolveExperiment(file, (String) parsed.unwrapped());
        if (!Files.isRegularFile(experiment)) {
          problems.add(new ConfigProblem(SweepFile.EXPERIMENT_KEY, location, "no experiment file " + experiment
              + " (the path is relative to the sweep file)"));
        }
      }
    }
  }

  /**
   * Nested blocks to dotted keys: {@code model { filters = [..] }} and {@code "model.filters" = [..]} alike, in
   * the order they were written (HOCON keeps no order of its own: by line, then by name).
   */
  private static void flatten(ConfigObject object, String prefix, Map<String, ConfigValue> leaves) {
    Map<String, ConfigValue> unordered = new LinkedHashMap<>();
    collect(object, prefix, unordered);
    unordered.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> e.getValue().origin().lineNumber())
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> leaves.put(e.getKey(), e.getValue()));
  }

  private static void collect(ConfigObject object, String prefix, Map<String, ConfigValue> leaves) {
    object.forEach((key, value) -> {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      if (value instanceof ConfigObject nested && !nested.isEmpty()) {
        collect(nested, path, leaves);
      } else {
        leaves.put(path, value);
      }
    });
  }

  private static void throwIfAny(ProblemCollector problems, Path file) {
    if (!problems.isEmpty()) {
      throw new org.sinus.api.config.ConfigException(problems.problems(), "Invalid sweep " + file);
    }
  }

  private static String render(ConfigValue value) {
    return value.render(ConfigRenderOptions.concise());
  }

  /** Typed reads that report a wrong type as a problem at the value's {@code file:line}. */
  private record Values(Config config, ProblemCollector problems) {
    String string(String path, String fallback) {
      if (!config.hasPath(path)) {
        return fallback;
      }
      ConfigValue value = config.getValue(path);
      if (value.valueType() != ConfigValueType.STRING) {
        problem(path, "must be a string, not " + render(value));
        return fallback;
      }
      return config.getString(path);
    }

    int integer(String path) {
      ConfigValue value = config.getValue(path);
      if (value.valueType() != ConfigValueType.NUMBER || !(value.unwrapped() instanceof Integer)) {
        problem(path, "must be a whole number, not " + render(value));
        return 0;
      }
      return config.getInt(path);
    }

    boolean bool(String path) {
      ConfigValue value = config.getValue(path);
      if (value.valueType() != ConfigValueType.BOOLEAN) {
        problem(path, "must be true or false, not " + render(value));
        return false;
      }
      return config.getBoolean(path);
    }

    void problem(String path, String message) {
      problems.add(new ConfigProblem(path, Origins.describe(config.getValue(path).origin()), message));
    }
  }
}
