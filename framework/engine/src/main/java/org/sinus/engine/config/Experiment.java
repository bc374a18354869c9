package org.sinus.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.plugin.ComponentConfig;

/**
 * A loaded, fully resolved and key-checked experiment: the user's file, {@code --set} overrides and
 * environment substitutions over the defaults of the framework and of every selected plugin type.
 * Settings objects read their blocks from here through {@link ComponentConfig}.
 */
public final class Experiment {
  private final Config config;
  private final Path file;
  private final List<String> overrides;
  private final Map<String, String> types;
  private final Map<String, Object> machineLocalDefaults;

  Experiment(Config config, Path file, List<String> overrides, Map<String, String> types) {
    this(config, file, overrides, types, Map.of());
  }

  private Experiment(Config config, Path file, List<String> overrides, Map<String, String> types,
                     Map<String, Object> machineLocalDefaults) {
    this.config = config;
    this.file = file;
    this.overrides = List.copyOf(overrides);
    this.types = Map.copyOf(types);
    this.machineLocalDefaults = new LinkedHashMap<>(machineLocalDefaults);
  }

  /** The same experiment with another resolved config (e.g. with nested components' defaults written out). */
  public Experiment withConfig(Config resolved) {
    return new Experiment(resolved, file, overrides, types, machineLocalDefaults);
  }

  /**
   * The same experiment for a run directory: machine-local keys (data locations, threads) that
   * took their defaults are left out of the rendered config, to be resolved again wherever the run
   * is resumed or evaluated (with $SINUS_PTBXL, say), and are listed with their values in its
   * header; machine-local keys the user set are written resolved (paths absolute).
   *
   * @param values every machine-local key with its value
   * @param fromDefaults which of them took their default
   */
  public Experiment forRun(Map<String, Object> values, Set<String> fromDefaults) {
    Config rendered = config;
    Map<String, Object> defaults = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      if (fromDefaults.contains(entry.getKey())) {
        rendered = rendered.withoutPath(entry.getKey());
        defaults.put(entry.getKey(), entry.getValue());
      } else if (entry.getValue() instanceof String text && rendered.hasPath(entry.getKey())) {
        rendered = rendered.withValue(entry.getKey(), ConfigValueFactory.fromAnyRef(text,
            rendered.getValue(entry.getKey()).origin().description()));
      }
    }
    return new Experiment(rendered, file, overrides, types, defaults);
  }

  public String name() {
    return config.getString("name");
  }

  public long seed() {
    return config.getLong("seed");
  }

  /** The experiment file, if it was loaded from one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  public List<String> overrides() {
    return overrides;
  }

  /** The selected type of a typed block, e.g. {@code type("model")} is {@code "resnet1d"}. */
  public Optional<String> type(String slotPath) {
    return Optional.ofNullable(types.get(slotPath));
  }

  public boolean has(String path) {
    return config.hasPath(path);
  }

  /** One block for a settings class to read; problems go to the given collector. */
  public ComponentConfig block(String path, ProblemCollector problems) {
    return new ComponentConfig(path, config.getConfig(path), problems);
  }

  /** The whole resolved config. */
  public Config config() {
    return config;
  }

  /**
   * The resolved config as HOCON, which {@code sinus train} accepts again to redo the run: every
   * default is written out and every substitution is replaced by its value.
   */
  public String render() {
    String body = config.root().render(ConfigRenderOptions.defaults()
        .setOriginComments(false).setComments(true).setJson(false).setFormatted(true));
    StringBuilder header = new StringBuilder("# Fully resolved Sinus experiment");
    file().ifPresent(f -> header.append(", from ").append(f));
    if (!overrides.isEmpty()) {
      header.append(", with --set ").append(String.join(" --set ", overrides));
    }
    if (!machineLocalDefaults.isEmpty()) {
      header.append(System.lineSeparator()).append("# Machine-local settings left at their defaults, resolved again ")
          .append("where the run is resumed or evaluated (give others with --set):");
      machineLocalDefaults.forEach((key, value) -> header.append(System.lineSeparator()).append("#   ").append(key)
          .append(" = ").append(ConfigValueFactory.fromAnyRef(value)
              .render(ConfigRenderOptions.concise())));
    }
    return header.append(System.lineSeparator()).append(body).toString();
  }
}
