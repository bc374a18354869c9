package org.sinus.engine.plugin;

import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.plugin.ExtensionPoint;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sinus.api.data.DatasetFactory;
import org.sinus.api.explain.ExplainerFactory;
import org.sinus.api.model.ModelFactory;
import org.sinus.api.representation.RepresentationFactory;
import org.sinus.api.schedule.ScheduleFactory;

/**
 * Every registered type per extension point, with the merged reference.conf defaults of all
 * plugins. Built by {@link Plugins#load()}.
 */
public final class PluginRegistry {
  private final Map<ExtensionPoint, Map<String, ComponentFactory<?>>> factories = new EnumMap<>(ExtensionPoint.class);
  private final List<String> pluginNames;
  private Config reference = ConfigFactory.empty();

  @Inject
  PluginRegistry(Map<String, DatasetFactory> datasets,
                 Map<String, RepresentationFactory> representations,
                 Map<String, ModelFactory> models,
                 Map<String, ExplainerFactory> explainers,
                 Map<String, ScheduleFactory> schedules,
                 PluginList plugins) {
    factories.put(ExtensionPoint.DATASET, Collections.unmodifiableMap(new TreeMap<>(datasets)));
    factories.put(ExtensionPoint.REPRESENTATION, Collections.unmodifiableMap(new TreeMap<>(representations)));
    factories.put(ExtensionPoint.MODEL, Collections.unmodifiableMap(new TreeMap<>(models)));
    factories.put(ExtensionPoint.EXPLAINER, Collections.unmodifiableMap(new TreeMap<>(explainers)));
    factories.put(ExtensionPoint.SCHEDULE, Collections.unmodifiableMap(new TreeMap<>(schedules)));
    this.pluginNames = plugins.names();
  }

  void setReference(Config reference) {
    this.reference = reference;
  }

  /** Names of the plugins found on the class path, in discovery order. */
  public List<String> pluginNames() {
    return pluginNames;
  }

  /** The merged reference.conf of the framework and every plugin. */
  public Config reference() {
    return reference;
  }

  public SortedSet<String> types(ExtensionPoint point) {
    return new TreeSet<>(factories.get(point).keySet());
  }

  public Optional<ComponentFactory<?>> find(ExtensionPoint point, String type) {
    return Optional.ofNullable(factories.get(point).get(type));
  }

  /** Defaults of one type: its block in reference.conf, or empty if it declares no keys. */
  public Config defaults(ExtensionPoint point, String type) {
    String path = point.defaultsPath(type);
    return reference.hasPath(path) ? reference.getConfig(path) : ConfigFactory.empty();
  }

  /** Whether the type's plugin ships a defaults block (even an empty one) for it. */
  public boolean hasDefaults(ExtensionPoint point, String type) {
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
