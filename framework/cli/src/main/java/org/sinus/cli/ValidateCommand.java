package org.sinus.cli;

import java.util.ArrayList;
import java.util.List;
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
    System.out.printf("%s is valid: experiment '%s', dataset %s, %s, model %s%s, %d epochs%n",
        experiment.file, loaded.name(), setup.type("dataset").orElse("?"), inputs(setup),
        setup.type("model").orElse("?"), setup.type("explain").map(t -> ", explainer " + t).orElse(""),
        setup.training().epochs());
    return 0;
  }

  /** "representation time", or for a model of several inputs "inputs time (time), fft (fft)". */
  private static String inputs(ExperimentSetup setup) {
    if (setup.inputs().size() == 1 && setup.type("representation").isPresent()) {
      return "representation " + setup.type("representation").get();
    }
    List<String> inputs = new ArrayList<>();
    for (String input : setup.inputs().keySet()) {
      inputs.add(input + " (" + setup.type(setup.inputBlock(input)).orElse("?") + ")");
    }
    return "inputs " + String.join(", ", inputs);
  }
}
