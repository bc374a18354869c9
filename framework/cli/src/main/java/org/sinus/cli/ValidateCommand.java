package org.sinus.cli;

import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.run.ExperimentSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sinus validate}: load and check an experiment without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check an experiment: unknown keys and types, wrong value types and out-of-range values are "
        + "reported with their file:line; nothing is loaded or trained.",
        "Exit code 0 when the experiment is valid, 3 when it is not."})
final class ValidateCommand extends SinusSubcommand {
  @Mixin
  ExperimentArgs experiment = new ExperimentArgs();

  @Option(names = "--print", description = "Print the fully resolved experiment (every default written out).")
  boolean print;

  @Override
  public Integer call() {
    Experiment loaded = new ExperimentLoader(registry()).load(experiment.file, experiment.overrides);
    ExperimentSetup setup = ExperimentSetup.create(loaded, registry());
    if (print) {
      System.out.println(setup.experiment().render());
    }
    System.out.printf("%s is valid: experiment '%s', dataset %s, representation %s, model %s%s, %d epochs%n",
        experiment.file, loaded.name(), setup.type("dataset").orElse("?"), setup.type("representation").orElse("?"),
        setup.type("model").orElse("?"), setup.type("explain").map(t -> ", explainer " + t).orElse(""),
        setup.training().epochs());
    return 0;
  }
}
