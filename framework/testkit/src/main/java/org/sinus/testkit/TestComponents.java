package org.sinus.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.plugin.ExtensionPoint;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.cli.CompositionRoot;
import org.sinus.engine.config.ComponentBlocks;
import org.sinus.engine.plugin.PluginRegistry;

/**
 * Builds components the way an experiment does (the type's reference.conf defaults, every key
 * checked), from a few lines of HOCON:
 *
 * <pre>{@code
 * Representation time = TestComponents.of(new TimePlugin())
 *     .build(Representation.POINT, "type = time, standardize = global");
 * }</pre>
 */
public final class TestComponents {
  private final PluginRegistry registry;

  private TestComponents(PluginRegistry registry) {
    this.registry = registry;
  }

  /** The given plugins only (their reference.conf must be on the class path, as in a plugin's own tests). */
  public static TestComponents of(SinusPlugin... plugins) {
    return new TestComponents(CompositionRoot.wire(List.of(plugins), TestComponents.class.getClassLoader()));
  }

  /** Every plugin {@link java.util.ServiceLoader} finds on the test class path. */
  public static TestComponents discovered() {
    return new TestComponents(CompositionRoot.load());
  }

  /** Names of the plugins, in discovery order. */
  public List<String> pluginNames() {
    return registry.pluginNames();
  }

  /** The types registered for an extension point. */
  public SortedSet<String> types(ExtensionPoint<?> point) {
    return registry.types(point);
  }

  /** The factory of a type. */
  public <T> Optional<ComponentFactory<T>> find(ExtensionPoint<T> point, String type) {
    return registry.find(point, type);
  }

  /** The type's defaults from the plugins' reference.conf (empty if it declares no keys). */
  public Config defaults(ExtensionPoint<?> point, String type) {
    return registry.defaults(point, type);
  }

  /** Whether the type's plugin ships a defaults block for it. */
  public boolean hasDefaults(ExtensionPoint<?> point, String type) {
    return registry.hasDefaults(point, type);
  }

  /**
   * Keys that the type's reference.conf declares but its factory does not read when the block
   * {@code hocon} is built: a plugin bug (the documentation promises a setting that does nothing).
   * Empty when every key is read.
   */
  public List<String> unreadDefaults(ExtensionPoint<?> point, String hocon) {
    ProblemCollector problems = new ProblemCollector();
    ComponentBlocks blocks = new ComponentBlocks(registry, problems);
    blocks.root(parse(hocon).atKey(point.id())).component(point.id(), point);
    problems.throwIfAny();
    List<String> unread = new ArrayList<>();
    blocks.built().forEach((path, built) -> built.block().unreadKeys().forEach(key -> unread.add(path + "." + key)));
    return unread;
  }

  /**
   * The component of the block {@code hocon} (which names its {@code type}); a bad block fails
   * with a {@link org.sinus.api.config.ConfigException} listing every problem.
   */
  public <T> T build(ExtensionPoint<T> point, String hocon) {
    return ComponentBlocks.buildOne(registry, point, point.id(), parse(hocon));
  }

  private static Config parse(String hocon) {
    return ConfigFactory.parseString(hocon, ConfigParseOptions.defaults().setOriginDescription("test block"));
  }
}
