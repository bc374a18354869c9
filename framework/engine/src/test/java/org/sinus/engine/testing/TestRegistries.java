package org.sinus.engine.testing;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.engine.plugin.FrameworkModule;
import org.sinus.engine.plugin.PluginRegistry;

/** Registries of given plugins for the engine's own tests (the CLI's composition root does this in production). */
public final class TestRegistries {
  private TestRegistries() {}

  public static PluginRegistry wire(SinusPlugin... plugins) {
    List<Module> modules = new ArrayList<>(List.of(plugins));
    modules.add(new FrameworkModule(List.of(plugins).stream().map(SinusPlugin::name).toList(),
        ConfigFactory.defaultReference(TestRegistries.class.getClassLoader())));
    return Guice.createInjector(modules).getInstance(PluginRegistry.class);
  }
}
