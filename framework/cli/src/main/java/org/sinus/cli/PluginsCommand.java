package org.sinus.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.util.TreeSet;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.plugin.ExtensionPoint;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;

/** {@code sinus plugins}: what can be selected by {@code type}, with each type's keys and defaults. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "List the experiment settings of the framework (training, evaluation, output) and the registered "
        + "types of every extension point, where they come from, and their config keys with defaults and "
        + "documentation (from the framework's and the plugins' reference.conf).")
final class PluginsCommand extends SinusSubcommand {

  /** Keys with their documentation comments and defaults, lists on one line, blocks indented. */
  private static void renderKeys(ConfigObject object, String indent) {
    for (String key : new TreeSet<>(object.keySet())) {
      ConfigValue value = object.get(key);
      for (String comment : value.origin().comments()) {
        System.out.println(indent + "#" + comment);
      }
      if (value instanceof ConfigObject nested) {
        System.out.println(indent + key + " {");
        renderKeys(nested, indent + "  ");
        System.out.println(indent + "}");
      } else {
        System.out.println(indent + key + " = " + value.render(ConfigRenderOptions.concise()));
      }
    }
  }

  @Override
  public Integer call() {
    PluginRegistry registry = registry();
    System.out.println("Plugins found: " + String.join(", ", registry.pluginNames()));
    System.out.println();
    System.out.println("experiment settings (the framework's keys besides the typed blocks; set them in the experiment"
        + " file or with --set):");
    renderKeys(registry.reference().getConfig(ExperimentLoader.EXPERIMENT_DEFAULTS).root(), "  ");
    for (ExtensionPoint<?> point : registry.points().values()) {
      System.out.println();
      System.out.println(point.id() + " types (" + point.description() + "; select with type = \"...\"):");
      if (registry.types(point).isEmpty()) {
        System.out.println("  (none)");
      }
      for (String type : registry.types(point)) {
        Object factory = registry.find(point, type).orElseThrow();
        System.out.printf("  %s  (%s)%n    %s%n", type, PluginRegistry.origin(factory), ((ComponentFactory<?>) factory).description());
        Config defaults = registry.defaults(point, type);
        if (defaults.isEmpty()) {
          System.out.println("    no settings");
          continue;
        }
        renderKeys(defaults.root(), "      ");
      }
    }
    return 0;
  }
}
