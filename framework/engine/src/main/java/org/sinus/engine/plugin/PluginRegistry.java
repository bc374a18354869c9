package org.sinus.engine.plugin;

import com.google.inject.Injector;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.plugin.ExtensionPoint;

/**
 * Every declared extension point with its registered types, and the merged reference.conf
 * defaults of the framework and all plugins. Built by the composition root's injector; an
 * extension point a plugin declares is listed here like the framework's own.
 */
public final class PluginRegistry {
  private final SortedMap<String, ExtensionPoint<?>> points = new TreeMap<>();
  private final Map<ExtensionPoint<?>, SortedMap<String, ComponentFactory<?>>> factories = new HashMap<>();
  private final List<String> pluginNames;
  private final Config reference;

  @Inject
  PluginRegistry(Injector injector, Set<ExtensionPoint<?>> declared, FrameworkModule.PluginSet plugins) {
    for (ExtensionPoint<?> point : declared) {
      ExtensionPoint<?> other = points.putIfAbsent(point.id(), point);
      if (other != null && !other.equals(point)) {
        throw new SinusException(ExitCode.FAILURE, "two plugins declare the extension point '" + point.id()
            + "' for different types: " + other.type().getName() + " and " + point.type().getName());
      }
      factories.put(point, Collections.unmodifiableSortedMap(new TreeMap<>(injector.getInstance(point.factoriesKey()))));
    }
    this.pluginNames = plugins.names();
    this.reference = plugins.reference();
  }

  /** Names of the plugins found on the class path, in discovery order. */
  public List<String> pluginNames() {
    return pluginNames;
  }

  /** The merged reference.conf of the framework and every plugin. */
  public Config reference() {
    return reference;
  }

  /** Every declared extension point, by id. */
  public SortedMap<String, ExtensionPoint<?>> points() {
    return Collections.unmodifiableSortedMap(points);
  }

  public SortedSet<String> types(ExtensionPoint<?> point) {
    return new TreeSet<>(factoriesOf(point).keySet());
  }

  @SuppressWarnings("unchecked")
  public <T> Optional<ComponentFactory<T>> find(ExtensionPoint<T> point, String type) {
    return Optional.ofNullable((ComponentFactory<T>) factoriesOf(point).get(type));
  }

  private SortedMap<String, ComponentFactory<?>> factoriesOf(ExtensionPoint<?> point) {
    SortedMap<String, ComponentFactory<?>> map = factories.get(point);
    if (map == null) {
      throw new IllegalArgumentException("the extension point '" + point.id() + "' is not declared by the framework "
          + "or any plugin; declared: " + points.keySet());
    }
    return map;
  }

  /** Defaults of one type: its block in reference.conf, or empty if it declares no keys. */
  public Config defaults(ExtensionPoint<?> point, String type) {
    String path = point.defaultsPath(type);
    return reference.hasPath(path) ? reference.getConfig(path) : ConfigFactory.empty();
  }

  /** Whether the type's plugin ships a defaults block (even an empty one) for it. */
  public boolean hasDefaults(ExtensionPoint<?> point, String type) {
    return reference.hasPath(point.defaultsPath(type));
  }

  /** Where a factory's class was loaded from and its version, for listings and provenance. */
  public static String origin(Object factory) {
    Class<?> type = factory.getClass();
    String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
    String location = "?";
    var source = type.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      String path = source.getLocation().getPath();
      location = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      location = location.substring(location.lastIndexOf('/') + 1);
    }
    return version == null || location.contains(version) ? location : location + " " + version;
  }
}
