package org.sinus.cli;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.engine.plugin.FrameworkModule;
import org.sinus.engine.plugin.PluginRegistry;

/**
 * The composition root: the one place that builds the Guice injector. Plugins are found with
 * {@link ServiceLoader} and wired with the engine's own module into a {@link PluginRegistry},
 * which the commands hand to the engine.
 */
public final class CompositionRoot {
  private CompositionRoot() {}

  /** Every plugin on the class path of this thread's context class loader. */
  public static PluginRegistry load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = CompositionRoot.class.getClassLoader();
    }
    return load(loader);
  }

  /** Every plugin that {@code loader} can see. */
  public static PluginRegistry load(ClassLoader loader) {
    List<SinusPlugin> plugins = new ArrayList<>();
    ServiceLoader.load(SinusPlugin.class, loader).forEach(plugins::add);
    return wire(plugins, loader);
  }

  /** Wires exactly the given plugins (tests register their own this way). */
  public static PluginRegistry wire(List<? extends SinusPlugin> plugins, ClassLoader loader) {
    List<String> names = plugins.stream().map(SinusPlugin::name).toList();
    List<Module> modules = new ArrayList<>(plugins);
    modules.add(new FrameworkModule(names, ConfigFactory.defaultReference(loader)));
    try {
      return Guice.createInjector(Stage.PRODUCTION, modules).getInstance(PluginRegistry.class);
    } catch (CreationException e) {
      String messages = e.getErrorMessages().stream().map(Message::getMessage)
          .collect(Collectors.joining(System.lineSeparator() + "  "));
      throw new SinusException(ExitCode.FAILURE,
          "The plugins " + names + " cannot be wired together:" + System.lineSeparator() + "  " + messages, e);
    } catch (ProvisionException e) {
      SinusException cause = e.getCause() instanceof SinusException s ? s : null;
      if (cause != null) {
        throw cause;
      }
      throw e;
    }
  }
}
