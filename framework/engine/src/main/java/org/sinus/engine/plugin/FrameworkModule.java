package org.sinus.engine.plugin;

import com.google.inject.AbstractModule;
import com.typesafe.config.Config;
import java.util.List;
import org.sinus.api.data.Dataset;
import org.sinus.api.explain.Explainer;
import org.sinus.api.model.Model;
import org.sinus.api.representation.Representation;
import org.sinus.api.schedule.Schedule;
import org.sinus.engine.train.schedule.BuiltInSchedules;

/**
 * The engine's own bindings: the extension points the experiment's blocks select from (declared
 * here so that a point without plugins is an empty map, not a Guice error), the built-in
 * learning-rate schedules, and what the registry needs to know about the plugins that were found.
 */
public final class FrameworkModule extends AbstractModule {
  private final PluginSet plugins;

  /**
   * @param pluginNames the plugins' names, in discovery order
   * @param reference the merged reference.conf of the framework and every plugin
   */
  public FrameworkModule(List<String> pluginNames, Config reference) {
    this.plugins = new PluginSet(List.copyOf(pluginNames), reference);
  }

  @Override
  protected void configure() {
    Dataset.POINT.bind(binder());
    Representation.POINT.bind(binder());
    Model.POINT.bind(binder());
    Explainer.POINT.bind(binder());
    Schedule.POINT.bind(binder());
    install(new BuiltInSchedules());
    bind(PluginSet.class).toInstance(plugins);
  }

  /** The plugins that were discovered and their merged defaults, bound so that the registry can name them. */
  record PluginSet(List<String> names, Config reference) {}
}
