package org.sinus.framework.cli;

import java.util.concurrent.Callable;
import org.sinus.framework.data.DataContext;
import org.sinus.framework.plugin.PluginRegistry;
import org.sinus.framework.plugin.Plugins;
import org.sinus.framework.util.ConsoleProgress;
import org.sinus.framework.util.Progress;
import picocli.CommandLine.Mixin;

/** Base of the commands: common options and the services they share. */
abstract class SinusSubcommand implements Callable<Integer> {
  @Mixin
  CommonOptions common = new CommonOptions();

  private PluginRegistry registry;

  PluginRegistry registry() {
    if (registry == null) {
      registry = Plugins.load();
    }
    return registry;
  }

  Progress progress() {
    return common.quiet ? Progress.NONE : ConsoleProgress.onStandardError();
  }

  DataContext dataContext() {
    return DataContext.defaults(progress());
  }
}
