package org.sinus.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.Split;
import org.sinus.api.explain.Explainer;
import org.sinus.engine.config.ComponentBlocks;
import org.sinus.engine.explain.ExplainRunner;
import org.sinus.engine.run.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sinus explain}: attribute a trained model's predictions to the parts of its input. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Explain a run's predictions for some records with the experiment's explain block or --explainer: "
        + "one JSON file per record and class (relevance per sample and lead, and in each input's own domain) in a "
        + "new directory <run>/explanations/<explainer>-<time>/.",
        "A whole record is explained as the evaluation scores it (its sliding windows, aggregated); --window explains "
            + "one window."})
final class ExplainCommand extends SinusSubcommand {
  @Parameters(index = "0", paramLabel = "<run-dir>", description = "A run directory made by sinus train.")
  Path run;

  @Option(names = "--explainer", paramLabel = "<type>",
      description = "Explainer type (see sinus plugins), with its defaults; default: the experiment's explain block.")
  String explainer;

  @Option(names = {"-s", "--set"}, paramLabel = "key=value",
      description = {"A setting of the explainer, e.g. --set explain.times-input=false (with --explainer), or a "
          + "machine-local setting of the run given anew, e.g. --set dataset.path=/data/ptb-xl (repeatable)."})
  List<String> overrides = new ArrayList<>();

  @Option(names = "--records", split = ",", paramLabel = "<id>", description = "Records to explain, by id (comma-separated).")
  List<String> records = new ArrayList<>();

  @Option(names = "--split", paramLabel = "<split>", description = "Without --records: take records of this split "
      + "(default: ${DEFAULT-VALUE}).")
  String split = "test";

  @Option(names = "--count", paramLabel = "<n>", description = "Without --records: how many (default: ${DEFAULT-VALUE}).")
  int count = 3;

  @Option(names = "--class", paramLabel = "<class>", description = "predicted (the most probable class), true (each "
      + "class the record has) or a class name (default: ${DEFAULT-VALUE}).")
  String classChoice = "predicted";

  @Option(names = "--window", paramLabel = "<seconds>", description = "Explain only the window starting here "
      + "(default: the whole record).")
  Double windowSeconds;

  @Option(names = "--seed", description = "Seed of the explainer's sampling (default: ${DEFAULT-VALUE}).")
  long seed = 0;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new SinusException(ExitCode.USAGE, "--count must be at least 1, not " + count);
    }
    Split chosen;
    try {
      chosen = Split.parse(split);
    } catch (IllegalArgumentException e) {
      throw new SinusException(ExitCode.USAGE, "--split: " + e.getMessage());
    }
    List<String> explainerSettings = overrides.stream().filter(o -> o.startsWith("explain.")).toList();
    List<String> runSettings = overrides.stream().filter(o -> !o.startsWith("explain.")).toList();
    try (TrainedRun trained = TrainedRun.open(run, registry(), dataContext(), runSettings)) {
      Explainer method;
      String name;
      if (explainer != null) {
        method = ComponentBlocks.buildOne(registry(), Explainer.POINT, "explain", block());
        name = explainer;
      } else {
        if (!explainerSettings.isEmpty()) {
          throw new SinusException(ExitCode.USAGE, "--set needs --explainer: the experiment's explain block is used as "
              + "the run resolved it");
        }
        method = trained.setup().explainer().orElseThrow(() -> new SinusException(ExitCode.CONFIG, "the experiment of "
            + run + " has no explain block; choose an explainer with --explainer <type>; known: "
            + String.join(", ", registry().types(Explainer.POINT))));
        name = trained.setup().type("explain").orElse("explainer");
      }
      int window = windowSeconds == null ? -1 : (int) Math.round(windowSeconds * trained.data().samplingRate());
      if (windowSeconds != null && window < 0) {
        throw new SinusException(ExitCode.USAGE, "--window must be at least 0 s, not " + windowSeconds);
      }
      ExplainRunner.Result result = ExplainRunner.explain(trained, method, name,
          new ExplainRunner.Request(records, chosen, count, classChoice, window, seed));
      result.files().forEach(file -> System.out.println("written: " + file));
      System.out.println("explanations: " + result.directory());
    }
    return 0;
  }

  /** {@code type = <--explainer>} with the {@code --set explain.key=value} overrides. */
  private Config block() {
    Config block = ConfigFactory.empty("--explainer " + explainer)
        .withValue("type", ConfigValueFactory.fromAnyRef(explainer, "--explainer " + explainer));
    for (String override : overrides.stream().filter(o -> o.startsWith("explain.")).toList()) {
      int equals = override.indexOf('=');
      if (equals <= 0) {
        throw new SinusException(ExitCode.USAGE, "--set " + override + ": write explain.key=value");
      }
      String key = override.substring("explain.".length(), equals).strip();
      block = ConfigFactory.parseString(key + " = " + override.substring(equals + 1),
          ConfigParseOptions.defaults().setOriginDescription("--set " + override)).withFallback(block);
    }
    return block;
  }
}
