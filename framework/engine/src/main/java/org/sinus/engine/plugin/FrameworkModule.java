package org.sinus.engine.plugin;

import org.sinus.api.plugin.Extensions;

import com.google.inject.AbstractModule;
import java.util.List;
import org.sinus.engine.train.schedule.BuiltInSchedules;

/**
 * Declares every extension point's map binder (so that an extension point without plugins is an
 * empty map, not a Guice error) and binds the framework's own built-in types.
 */
final class FrameworkModule extends AbstractModule {
  private final List<String> pluginNames;

  FrameworkModule(List<String> pluginNames) {
    this.pluginNames = pluginNames;
  }

  @Override
  protected void configure() {
    Extensions.datasets(binder());
    Extensions.representations(binder());
    Extensions.models(binder());
    Extensions.explainers(binder());
    install(new BuiltInSchedules());
    bind(PluginList.class).toInstance(new PluginList(pluginNames));
  }
}
