package org.sinus.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  Experiment(Config config, Path file, List<String> overrides, Map<String, String> types) {
    this.config = config;
    this.file = file;
    this.overrides = List.copyOf(overrides);
    this.types = Map.copyOf(types);
  }

  /** The same experiment with another resolved config (e.g. with nested components' defaults written out). */
  public Experiment withConfig(Config resolved) {
    return new Experiment(resolved, file, overrides, types);
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
    return header.append(System.lineSeparator()).append(body).toString();
  }
}
