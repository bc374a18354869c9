package org.sinus.engine.plugin;

import org.sinus.api.plugin.SinusPlugin;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;

/** Finds plugins with {@link ServiceLoader} and wires them, with the framework, into a registry. */
public final class Plugins {
  private Plugins() {}

  /** Every plugin on the class path of this thread's context class loader. */
  public static PluginRegistry load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Plugins.class.getClassLoader();
    }
    return load(loader);
  }

  public static PluginRegistry load(ClassLoader loader) {
    List<SinusPlugin> plugins = new ArrayList<>();
    ServiceLoader.load(SinusPlugin.class, loader).forEach(plugins::add);
    return wire(plugins, loader);
  }

  /** Wires exactly the given plugins (tests use this to register their own). */
  public static PluginRegistry wire(List<? extends SinusPlugin> plugins, ClassLoader loader) {
    List<String> names = plugins.stream().map(SinusPlugin::name).toList();
    List<Module> modules = new ArrayList<>(plugins);
    modules.add(new FrameworkModule(names));
    try {
      PluginRegistry registry = Guice.createInjector(Stage.PRODUCTION, modules).getInstance(PluginRegistry.class);
      registry.setReference(ConfigFactory.defaultReference(loader));
      return registry;
    } catch (CreationException e) {
      String messages = e.getErrorMessages().stream().map(Message::getMessage)
          .collect(Collectors.joining(System.lineSeparator() + "  "));
      throw new SinusException(ExitCode.FAILURE,
          "The plugins " + names + " cannot be wired together:" + System.lineSeparator() + "  " + messages, e);
    }
  }
}
