package org.sinus.cli;

import java.io.IOException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.explain.Explainer;
import org.sinus.engine.config.ComponentBlocks;
import org.sinus.engine.predict.ArrayLayout;
import org.sinus.engine.predict.PredictionResults;
import org.sinus.engine.predict.PredictionRunner;
import org.sinus.engine.predict.RecordPrediction;
import org.sinus.engine.predict.RejectedRecording;
import org.sinus.engine.run.RunModel;
import org.sinus.engine.util.TimestampedDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sinus predict}: score new recordings with a run's trained model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Score recordings with a run's trained model: WFDB records (.hea with its .dat; any sampling rate, "
        + "resampled to the model's), CSV and NumPy .npy arrays of leads × samples, or directories of them. Writes "
        + "predictions.csv and predictions.json (per-class probabilities and labels at the thresholds the run's "
        + "evaluation tuned on validation) and prints a short table.",
        "A recording that cannot be scored (wrong lead count or names, too short, NaN or infinite samples, unreadable, "
            + "truncated, unknown format) gets one line naming its file; the others are still scored, and the exit "
            + "code is then 4.",
        "Leads: WFDB headers and CSV lines that start with a lead name are matched to the model's leads by name "
            + "(reordered if needed). Unnamed CSV rows and .npy rows are taken to be in the model's lead order "
            + "(sinus predict --help on a run prints it) unless --leads says otherwise."})
final class PredictCommand extends SinusSubcommand {
  /** Rows of the table printed; the files hold every record. */
  static final int TABLE_ROWS = 20;

  @Parameters(index = "0", paramLabel = "<run-dir>", description = "A run directory made by sinus train.")
  Path run;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "<input>",
      description = "Recordings (.hea/.dat, .csv, .npy) or directories searched for them.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "<dir>", description = "Where to write predictions.csv and "
      + "predictions.json (default: a new predictions-<time> directory in the current directory).")
  Path output;

  @Option(names = "--sampling-rate", paramLabel = "<Hz>", description = "The sampling rate of CSV and .npy "
      + "recordings (default: the model's); WFDB records say their own.")
  Double samplingRate;

  @Option(names = "--leads", split = ",", paramLabel = "<lead>", description = "The leads of the rows of unnamed CSV "
      + "and .npy recordings, in order, e.g. --leads I,II,III,AVR,AVL,AVF,V1,V2,V3,V4,V5,V6 (default: the model's "
      + "lead order).")
  List<String> leads = new ArrayList<>();

  @Option(names = "--explain", paramLabel = "<type>", description = "Also explain the most probable class of each "
      + "recording with this explainer (see sinus plugins; its defaults), into <output>/explanations/ with a "
      + "report.html. Explainers that draw background records need the run's training data on this machine.")
  String explainer;

  @Option(names = "--explain-max", paramLabel = "<n>", description = "With --explain: explain at most the first n "
      + "recordings scored (default: ${DEFAULT-VALUE}).")
  int explainMax = 20;

  @Mixin
  MachineLocalSettings settings = new MachineLocalSettings();

  @Override
  public Integer call() {
    ArrayLayout layout;
    try {
      layout = new ArrayLayout(samplingRate == null ? OptionalDouble.empty() : OptionalDouble.of(samplingRate), leads);
    } catch (IllegalArgumentException e) {
      throw new SinusException(ExitCode.USAGE, "--sampling-rate: " + e.getMessage());
    }
    if (explainMax < 1) {
      throw new SinusException(ExitCode.USAGE, "--explain-max must be at least 1, not " + explainMax);
    }
    Optional<PredictionRunner.ExplainRequest> explain = Optional.ofNullable(explainer).map(type ->
        new PredictionRunner.ExplainRequest(ComponentBlocks.buildOne(registry(), Explainer.POINT, "explain",
            ConfigFactory.empty("--explain " + type).withValue("type", ConfigValueFactory.fromAnyRef(type,
                "--explain " + type))), type, explainMax));
    try (RunModel model = RunModel.open(run, registry(), dataContext(), settings.overrides)) {
      Path outputDir = outputDirectory();
      PredictionResults results = new PredictionRunner(model, layout, progress(), explain).predict(inputs, outputDir);
      printTable(results);
      printNotices(results);
      for (RejectedRecording rejected : results.rejected()) {
        System.err.println("error: " + rejected.reason());
      }
      results.explanations().ifPresent(dir -> System.out.println("explanations: " + dir.resolve("report.html")));
      System.out.printf(Locale.ROOT, "%d recording%s scored, %d failed, in %.1f s; written to %s%n",
          results.scored().size(), results.scored().size() == 1 ? "" : "s", results.rejected().size(),
          results.seconds(), outputDir.resolve("predictions.csv"));
      return results.rejected().isEmpty() ? ExitCode.OK.code() : ExitCode.DATA.code();
    }
  }

  private Path outputDirectory() {
    try {
      if (output != null) {
        Files.createDirectories(output);
        return output;
      }
      return TimestampedDirectory.create(Path.of("."), "predictions");
    } catch (IOException e) {
      throw new SinusException(ExitCode.FAILURE, "cannot create the output directory "
          + (output == null ? "predictions-<time>" : output) + ": " + e.getMessage(), e);
    }
  }

  private static void printTable(PredictionResults results) {
    List<RecordPrediction> scored = results.scored();
    if (scored.isEmpty()) {
      return;
    }
    int width = Math.max(6, scored.stream().limit(TABLE_ROWS).mapToInt(p -> p.name().length()).max().orElse(6));
    System.out.printf(Locale.ROOT, "%-" + width + "s  %-24s  %s%n", "record", "labels", "most probable");
    for (RecordPrediction p : scored.subList(0, Math.min(TABLE_ROWS, scored.size()))) {
      System.out.printf(Locale.ROOT, "%-" + width + "s  %-24s  %s%n", p.name(),
          p.labels().isEmpty() ? "-" : String.join(" ", p.labels()), top(results.classes(), p.probabilities(), 3));
    }
    if (scored.size() > TABLE_ROWS) {
      System.out.println("... " + (scored.size() - TABLE_ROWS) + " more in predictions.csv");
    }
  }

  /** Each kind of notice once, with how many recordings it concerns and the first of them. */
  private static void printNotices(PredictionResults results) {
    Map<String, List<String>> byNotice = new LinkedHashMap<>();
    for (RecordPrediction p : results.scored()) {
      p.notices().forEach(notice -> byNotice.computeIfAbsent(notice, n -> new ArrayList<>()).add(p.name()));
    }
    byNotice.forEach((notice, names) -> System.err.println("notice: " + notice + ": " + names.size() + " recording"
        + (names.size() == 1 ? "" : "s") + " (" + String.join(", ", names.subList(0, Math.min(3, names.size())))
        + (names.size() > 3 ? ", ..." : "") + ")"));
  }

  /** The {@code n} most probable classes with their probabilities, e.g. {@code NORM 0.91, MI 0.20}. */
  private static String top(List<String> classes, float[] probabilities, int n) {
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < classes.size(); k++) {
      order.add(k);
    }
    order.sort((a, b) -> Float.compare(probabilities[b], probabilities[a]));
    List<String> parts = new ArrayList<>();
    for (int k : order.subList(0, Math.min(n, order.size()))) {
      parts.add(String.format(Locale.ROOT, "%s %.2f", classes.get(k), probabilities[k]));
    }
    return String.join(", ", parts);
  }
}
