package org.sinus.framework.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import org.sinus.framework.plugin.ComponentFactory;
import org.sinus.framework.plugin.ExtensionPoint;
import org.sinus.framework.plugin.PluginRegistry;
import picocli.CommandLine.Command;

/** {@code sinus plugins}: what can be selected by {@code type}, with each type's keys and defaults. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "List the registered types of every extension point, where they come from, and their config keys "
        + "with defaults and documentation (from the plugins' reference.conf).")
final class PluginsCommand extends SinusSubcommand {

  @Override
  public Integer call() {
    PluginRegistry registry = registry();
    System.out.println("Plugins found: " + String.join(", ", registry.pluginNames()));
    for (ExtensionPoint point : ExtensionPoint.values()) {
      System.out.println();
      System.out.println(point.id() + " types (select with type = \"...\"):");
      if (registry.types(point).isEmpty()) {
        System.out.println("  (none)");
      }
      for (String type : registry.types(point)) {
        ComponentFactory<?> factory = registry.find(point, type).orElseThrow();
        System.out.printf("  %s  (%s)%n    %s%n", type, PluginRegistry.origin(factory), factory.description());
        Config defaults = registry.defaults(point, type);
        if (defaults.isEmpty()) {
          System.out.println("    no settings");
          continue;
        }
        String rendered = defaults.root().render(ConfigRenderOptions.defaults()
            .setOriginComments(false).setComments(true).setJson(false).setFormatted(true));
        for (String line : rendered.strip().split("\n")) {
          System.out.println("      " + line);
        }
      }
    }
    return 0;
  }
}
