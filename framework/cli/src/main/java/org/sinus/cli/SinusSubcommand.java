package org.sinus.cli;

import java.util.concurrent.Callable;
import org.sinus.api.data.DataContext;
import org.sinus.api.util.Progress;
import org.sinus.cli.ConsoleProgress;
import org.sinus.engine.plugin.PluginRegistry;
import picocli.CommandLine.Mixin;

/** Base of the commands: common options and the services they share. */
abstract class SinusSubcommand implements Callable<Integer> {
  @Mixin
  CommonOptions common = new CommonOptions();

  private PluginRegistry registry;

  PluginRegistry registry() {
    if (registry == null) {
      registry = CompositionRoot.load();
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
