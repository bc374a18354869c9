package org.sinus.engine.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.util.Json;
import org.sinus.engine.compare.PredictionsTable;
import org.sinus.engine.compare.ThresholdsFile;
import org.sinus.engine.eval.BootstrapSettings;
import org.sinus.engine.eval.ClassIntervals;
import org.sinus.engine.eval.EvaluationReport;
import org.sinus.engine.eval.Evaluator;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.Thresholds;

/**
 * One split's evaluation as a run directory holds it, read back for the run's report: the predictions
 * ({@code evaluation/predictions-<split>.csv}) scored again at the run's thresholds ({@code
 * thresholds.json}) with the bootstrap settings the evaluation recorded in {@code <split>.json}, which
 * gives the same numbers the evaluation wrote, and per-class intervals on the same resamples. The notes
 * are the evaluation's own (they say what the predictions alone cannot, e.g. why a threshold was not
 * tuned); a macro AUC that differs from the one the evaluation wrote is said too.
 *
 * @param split the split's name
 * @param predictions the predictions read back
 * @param report the evaluation computed again from them
 * @param intervals per-class intervals, or null when the evaluation ran without a bootstrap
 * @param notes the notes of the evaluation's {@code <split>.json}, then any disagreement found
 */
record SplitEvaluation(String split, Predictions predictions, EvaluationReport report, ClassIntervals intervals,
                       List<String> notes) {

  /** The evaluation's report of the split, {@code evaluation/<split>.json}. */
  static Path reportFile(Path evaluation, String split) {
    return evaluation.resolve(split + ".json");
  }

  /**
   * Reads the split's evaluation from the run's {@code evaluation/} directory.
   *
   * @throws SinusException (run) naming the file that is missing or cannot be read
   */
  static SplitEvaluation load(Path evaluation, String split) {
    Path json = reportFile(evaluation, split);
    Path csv = evaluation.resolve("predictions-" + split + ".csv");
    Path thresholdsFile = evaluation.resolve(ThresholdsFile.NAME);
    for (Path required : List.of(json, csv, thresholdsFile)) {
      if (!Files.isRegularFile(required)) {
        throw new SinusException(ExitCode.RUN, "evaluation/" + required.getFileName() + " is missing");
      }
    }
    Config written = read(json);
    PredictionsTable table = PredictionsTable.read(csv);
    LabelSpace labels;
    try {
      labels = new LabelSpace(written.getString("task"), table.classes(), written.getBoolean("multi_label"));
    } catch (ConfigException e) {
      throw new SinusException(ExitCode.RUN, json + ": " + e.getMessage(), e);
    }
    Predictions predictions;
    try {
      predictions = Predictions.of(split, labels, table.scores(), table.targets());
    } catch (IllegalArgumentException e) {
      throw new SinusException(ExitCode.RUN, csv + ": " + e.getMessage(), e);
    }
    Thresholds thresholds = ThresholdsFile.read(thresholdsFile, table.classes());
    BootstrapSettings bootstrap = bootstrap(written, json);
    EvaluationReport report = new Evaluator(bootstrap).evaluate(predictions, thresholds);
    ClassIntervals intervals = bootstrap.enabled() ? ClassIntervals.of(predictions, thresholds, bootstrap) : null;
    List<String> notes = new ArrayList<>(written.hasPath("notes") ? written.getStringList("notes") : List.of());
    double recomputed = report.headline(Evaluator.MACRO_AUC).value().value();
    String key = "headlines." + Evaluator.MACRO_AUC + ".value";
    if (written.hasPath(key) && Math.abs(written.getDouble(key) - recomputed) > 1e-9) {
      notes.add(String.format(Locale.ROOT, "evaluation/%s.json gives macro AUC %.6f, but its predictions file scores "
          + "%.6f: they were not written by the same evaluation", split, written.getDouble(key), recomputed));
    }
    return new SplitEvaluation(split, predictions, report, intervals, notes);
  }

  private static Config read(Path json) {
    try {
      return Json.parse(Files.readString(json));
    } catch (IOException | ConfigException e) {
      throw new SinusException(ExitCode.RUN, "cannot read " + json + ": " + e.getMessage(), e);
    }
  }

  /** The bootstrap the evaluation ran ({@code "bootstrap": null} when it was off). */
  private static BootstrapSettings bootstrap(Config written, Path json) {
    if (!written.hasPath("bootstrap")) {
      return BootstrapSettings.off();
    }
    try {
      return new BootstrapSettings(written.getInt("bootstrap.resamples"), written.getDouble("bootstrap.confidence"),
          written.getLong("bootstrap.seed"));
    } catch (ConfigException | IllegalArgumentException e) {
      throw new SinusException(ExitCode.RUN, json + ": bootstrap: " + e.getMessage(), e);
    }
  }
}
