package org.sinus.engine.run;

import java.util.List;
import java.util.Set;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.plugin.PluginRegistry;

/**
 * The experiment of an existing run, as its run directory recorded it, with what may differ on
 * this machine: machine-local settings (data locations, threads) given with {@code --set}, and
 * the defaults of those the run left to them (e.g. {@code $SINUS_PTBXL}). Anything else would
 * change the experiment and is refused.
 */
final class RunSetup {
  private RunSetup() {}

  /**
   * @param overrides {@code key=value}; each key must be machine-local
   * @param command what is done to the run, for messages, e.g. {@code evaluate}
   */
  static ExperimentSetup of(RunDirectory run, PluginRegistry registry, List<String> overrides, String command) {
    ExperimentSetup setup = ExperimentSetup.create(
        new ExperimentLoader(registry).load(run.resolve(RunDirectory.EXPERIMENT), overrides), registry);
    Set<String> allowed = setup.machineLocalKeys();
    for (String override : overrides) {
      String key = override.substring(0, Math.max(0, override.indexOf('='))).strip();
      if (!allowed.contains(key)) {
        throw new SinusException(ExitCode.USAGE, "--set " + override + ": sinus " + command + " keeps the run's "
            + "experiment; only machine-local settings may be given anew: " + String.join(", ", allowed));
      }
    }
    return setup;
  }
}
