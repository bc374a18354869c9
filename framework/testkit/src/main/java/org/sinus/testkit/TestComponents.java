package org.sinus.testkit;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.List;
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

  public PluginRegistry registry() {
    return registry;
  }

  /**
   * The component of the block {@code hocon} (which names its {@code type}); a bad block fails
   * with a {@link org.sinus.api.config.ConfigException} listing every problem.
   */
  public <T> T build(ExtensionPoint<T> point, String hocon) {
    return ComponentBlocks.buildOne(registry, point, point.id(),
        ConfigFactory.parseString(hocon, ConfigParseOptions.defaults().setOriginDescription("test block")));
  }
}
