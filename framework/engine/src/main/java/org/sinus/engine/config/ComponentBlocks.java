package org.sinus.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.plugin.ComponentBuilder;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.plugin.ExtensionPoint;
import org.sinus.engine.plugin.PluginRegistry;

/**
 * Builds the typed blocks of one experiment, top-level and nested alike: chooses the factory by
 * {@code type}, puts the type's reference.conf defaults under the user's keys, checks those keys,
 * and builds the component. It remembers every block it built (with its type and resolved
 * config), so that the run can write the fully resolved experiment and its provenance, and so
 * that keys nobody read can be reported.
 */
public final class ComponentBlocks implements ComponentBuilder {
  /** A typed block that was built. */
  public record Built(String path, ExtensionPoint<?> point, String type, Object factory, ComponentConfig block) {}

  private final PluginRegistry registry;
  private final ProblemCollector problems;
  private final Map<String, Built> built = new LinkedHashMap<>();

  public ComponentBlocks(PluginRegistry registry, ProblemCollector problems) {
    this.registry = registry;
    this.problems = problems;
  }

  /** The experiment's root block, whose typed blocks this builds. */
  public ComponentConfig root(Experiment experiment) {
    return root(experiment.config());
  }

  /** A root block whose typed blocks this builds, e.g. {@code explain { type = "gradient" }} given on a command line. */
  public ComponentConfig root(Config config) {
    return new ComponentConfig("", config, problems, this);
  }

  /**
   * Builds one component from a typed block outside an experiment (a command's {@code --explainer}
   * with its {@code --set} overrides, a plugin test's settings): the same defaults and checks.
   *
   * @param key the block's name, e.g. {@code explain}
   * @param block the block, with {@code type}
   * @throws org.sinus.api.config.ConfigException listing every problem
   */
  public static <T> T buildOne(PluginRegistry registry, ExtensionPoint<T> point, String key, Config block) {
    ProblemCollector problems = new ProblemCollector();
    ComponentBlocks blocks = new ComponentBlocks(registry, problems);
    T component = blocks.root(block.atKey(key)).component(key, point);
    problems.throwIfAny();
    blocks.reportUnreadUserKeys();
    problems.throwIfAny();
    return component;
  }

  @Override
  public <T> T build(ComponentConfig parent, String key, ExtensionPoint<T> point) {
    String path = parent.path().isEmpty() ? key : parent.path() + "." + key;
    Config container = parent.raw();
    String type = TypedBlocks.selectType(registry, container, key, path, point, true, problems);
    if (type == null) {
      return null;
    }
    Config defaults = registry.defaults(point, type);
    Config user = container.getConfig(key);
    TypedBlocks.checkKeys(user.root(), defaults.withValue("type", ConfigValueFactory.fromAnyRef(type)), "", path,
        Set.of(), problems);
    ComponentConfig block = new ComponentConfig(path, user.withFallback(defaults).resolve(), problems, this);
    block.type();
    ComponentFactory<T> factory = registry.find(point, type).orElseThrow();
    built.put(path, new Built(path, point, type, factory, block));
    return factory.create(block);
  }

  /** Every typed block built so far, by path, in the order they were built. */
  public Map<String, Built> built() {
    return Collections.unmodifiableMap(built);
  }

  /** The experiment's config with every built block's defaults written out. */
  public Config resolved(Config experiment) {
    Config config = experiment;
    for (Built block : built.values()) {
      config = config.withValue(block.path(), block.block().raw().root());
    }
    return config;
  }

  /** Whether a value comes from a plugin's or the framework's reference.conf (a default). */
  public static boolean fromDefaults(ConfigOrigin origin) {
    return TypedBlocks.fromDefaults(origin);
  }

  /** Reports the keys users wrote in built blocks that their components never read. */
  public void reportUnreadUserKeys() {
    List<Built> blocks = new ArrayList<>(built.values());
    blocks.forEach(b -> b.block().reportUnreadUserKeys(TypedBlocks::fromDefaults));
  }
}
