package org.sinus.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.Split;
import org.sinus.api.explain.Explainer;
import org.sinus.engine.config.ComponentBlocks;
import org.sinus.engine.explain.ExplainRunner;
import org.sinus.engine.explain.faithfulness.ExplainerEvaluation;
import org.sinus.engine.explain.faithfulness.FaithfulnessReport;
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

  @Option(names = "--explainer", split = ",", paramLabel = "<type>",
      description = "Explainer type(s), comma-separated (see sinus plugins), with their defaults; default: the "
          + "experiment's explain block.")
  List<String> explainers = new ArrayList<>();

  @Option(names = "--evaluate", description = {"Instead of explaining records: measure how faithful and sane each "
      + "explainer is, against random attributions, on the first --count records of the test split (deletion curves "
      + "with AOPC, the model-randomisation check, stability under noise, localisation where the dataset knows its "
      + "class regions); writes <run>/explanations/faithfulness-<time>/faithfulness.md and .json."})
  boolean evaluate;

  @Option(names = "--deletion-segment", paramLabel = "<seconds>", description = "With --evaluate: a deletion "
      + "feature is one lead over this long (default: ${DEFAULT-VALUE}).")
  double deletionSegment = 0.5;

  @Option(names = "--deletion-steps", paramLabel = "<n>", description = "With --evaluate: steps of each deletion "
      + "curve (default: ${DEFAULT-VALUE}).")
  int deletionSteps = 10;

  @Option(names = "--doc", paramLabel = "<file.md>", description = "With --evaluate: also put the table into this "
      + "Markdown document, replacing the section of the same run (e.g. src/docs/explainability.md).")
  Path document;

  @Option(names = {"-s", "--set"}, paramLabel = "key=value",
      description = {"A setting of the explainer, e.g. --set explain.times-input=false (with --explainer; "
          + "explain.<type>.<key>=value sets it for one of several explainers only), or a machine-local setting of the run given anew, e.g. --set dataset.path=/data/ptb-xl (repeatable)."})
  List<String> overrides = new ArrayList<>();

  @Option(names = "--records", split = ",", paramLabel = "<id>", description = "Records to explain, by id (comma-separated).")
  List<String> records = new ArrayList<>();

  @Option(names = "--split", paramLabel = "<split>", description = "Without --records: take records of this split "
      + "(default: ${DEFAULT-VALUE}).")
  String split = "test";

  @Option(names = "--count", paramLabel = "<n>", description = "Without --records: how many; with --evaluate, "
      + "how many test records (default: 3, with --evaluate 20).")
  Integer count;

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
    int records = count != null ? count : evaluate ? 20 : 3;
    if (records < 1) {
      throw new SinusException(ExitCode.USAGE, "--count must be at least 1, not " + records);
    }
    Split chosen;
    try {
      chosen = Split.parse(split);
    } catch (IllegalArgumentException e) {
      throw new SinusException(ExitCode.USAGE, "--split: " + e.getMessage());
    }
    if (deletionSegment <= 0 || deletionSteps < 1) {
      throw new SinusException(ExitCode.USAGE, "--deletion-segment must be above 0 s and --deletion-steps at least 1");
    }
    if (!evaluate && document != null) {
      throw new SinusException(ExitCode.USAGE, "--doc needs --evaluate");
    }
    if (evaluate && (!this.records.isEmpty() || windowSeconds != null)) {
      throw new SinusException(ExitCode.USAGE, "--evaluate takes the first --count test records, whole: "
          + "--records and --window do not apply");
    }
    List<String> explainerSettings = overrides.stream().filter(o -> o.startsWith("explain.")).toList();
    List<String> runSettings = overrides.stream().filter(o -> !o.startsWith("explain.")).toList();
    try (TrainedRun trained = TrainedRun.open(run, registry(), dataContext(), runSettings)) {
      Map<String, Explainer> methods = new LinkedHashMap<>();
      if (!explainers.isEmpty()) {
        for (String type : explainers) {
          methods.put(type, ComponentBlocks.buildOne(registry(), Explainer.POINT, "explain", block(type)));
        }
      } else {
        if (!explainerSettings.isEmpty()) {
          throw new SinusException(ExitCode.USAGE, "--set needs --explainer: the experiment's explain block is used as "
              + "the run resolved it");
        }
        methods.put(trained.setup().type("explain").orElse("explainer"),
            trained.setup().explainer().orElseThrow(() -> new SinusException(ExitCode.CONFIG, "the experiment of "
                + run + " has no explain block; choose an explainer with --explainer <type>; known: "
                + String.join(", ", registry().types(Explainer.POINT)))));
      }
      if (evaluate) {
        evaluate(trained, methods, records);
        return 0;
      }
      int window = windowSeconds == null ? -1 : (int) Math.round(windowSeconds * trained.data().samplingRate());
      if (windowSeconds != null && window < 0) {
        throw new SinusException(ExitCode.USAGE, "--window must be at least 0 s, not " + windowSeconds);
      }
      for (Map.Entry<String, Explainer> method : methods.entrySet()) {
        ExplainRunner.Result result = ExplainRunner.explain(trained, method.getValue(), method.getKey(),
            new ExplainRunner.Request(this.records, chosen, records, classChoice, window, seed));
        result.files().forEach(file -> System.out.println("written: " + file));
        System.out.println("explanations: " + result.directory());
      }
    }
    return 0;
  }

  private void evaluate(TrainedRun trained, Map<String, Explainer> methods, int records) {
    ExplainerEvaluation.Settings settings = new ExplainerEvaluation.Settings(records, deletionSegment, deletionSteps,
        seed);
    List<ExplainerEvaluation.Row> rows = ExplainerEvaluation.evaluate(trained, methods, settings);
    FaithfulnessReport.Written written = FaithfulnessReport.write(trained, rows, settings, commandLine(records));
    System.out.println(written.section());
    System.out.println("written: " + written.markdown());
    System.out.println("written: " + written.json());
    if (document != null) {
      FaithfulnessReport.intoDocument(document, written.section());
      System.out.println("written: " + document);
    }
  }

  /** This command as a user would type it again (the run's path as given). */
  private String commandLine(int records) {
    StringBuilder line = new StringBuilder("sinus explain ").append(run).append(" --evaluate");
    if (!explainers.isEmpty()) {
      line.append(" --explainer ").append(String.join(",", explainers));
    }
    line.append(" --count ").append(records).append(" --deletion-segment ").append(deletionSegment)
        .append(" --deletion-steps ").append(deletionSteps).append(" --seed ").append(seed);
    overrides.forEach(o -> line.append(" --set ").append(o));
    return line.toString();
  }

  /**
   * {@code type = <type>} with the {@code --set explain.key=value} overrides that apply to it: those
   * of {@code explain.<type>.key}, and {@code explain.key} unless its first part names another chosen type.
   */
  private Config block(String type) {
    Config block = ConfigFactory.empty("--explainer " + type)
        .withValue("type", ConfigValueFactory.fromAnyRef(type, "--explainer " + type));
    for (String override : overrides.stream().filter(o -> o.startsWith("explain.")).toList()) {
      int equals = override.indexOf('=');
      if (equals <= 0) {
        throw new SinusException(ExitCode.USAGE, "--set " + override + ": write explain.key=value");
      }
      String key = override.substring("explain.".length(), equals).strip();
      int dot = key.indexOf('.');
      String first = dot > 0 ? key.substring(0, dot) : key;
      if (dot > 0 && explainers.contains(first)) {
        if (!first.equals(type)) {
          continue;
        }
        key = key.substring(dot + 1);
      }
      block = ConfigFactory.parseString(key + " = " + override.substring(equals + 1),
          ConfigParseOptions.defaults().setOriginDescription("--set " + override)).withFallback(block);
    }
    return block;
  }
}
