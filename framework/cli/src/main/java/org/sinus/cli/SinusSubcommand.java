package org.sinus.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sinus.api.data.DataContext;
import org.sinus.api.util.Progress;
import org.sinus.cli.ConsoleProgress;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.report.RunReport;
import org.sinus.engine.run.ExperimentRunner;
import picocli.CommandLine.Mixin;

/** Base of the commands: common options and the services they share. */
abstract class SinusSubcommand implements Callable<Integer> {
  @Mixin
  CommonOptions common = new CommonOptions();

  private PluginRegistry registry;
  /** The report.html that {@link #runner()}'s runner wrote last, or null. */
  Path writtenReport;

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

  /**
   * The runner of {@code train} and {@code evaluate}, which writes each run's report.html when it is done
   * (into {@link #writtenReport}).
   */
  ExperimentRunner runner() {
    return new ExperimentRunner(registry(), progress(), dataContext(),
        run -> writtenReport = RunReport.write(run.path()));
  }

  /** Says where the run's report.html is, if the runner wrote it. */
  void printWrittenReport() {
    if (writtenReport != null) {
      System.out.println("report: " + writtenReport);
    }
  }
}
