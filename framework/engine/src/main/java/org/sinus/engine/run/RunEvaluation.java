package org.sinus.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.util.AtomicFiles;
import org.sinus.api.util.Json;
import org.sinus.engine.data.DatasetRecords;
import org.sinus.engine.eval.BootstrapSettings;
import org.sinus.engine.eval.EvaluationReport;
import org.sinus.engine.eval.EvaluationSettings;
import org.sinus.engine.eval.Evaluator;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.ReportJson;
import org.sinus.engine.eval.ReportMarkdown;
import org.sinus.engine.eval.ThresholdTuner;
import org.sinus.engine.eval.Thresholds;
import org.sinus.engine.train.ExampleEncoder;
import org.sinus.engine.train.SplitPredictor;
import org.sinus.engine.train.Trainer;
import org.sinus.engine.train.TrainingSession;

/**
 * Evaluates the weights in a session on the chosen splits and writes, per split, a report
 * (Markdown and JSON), ROC and precision–recall curves (PNG, {@link EvaluationPlots}) and the per-record
 * probabilities (CSV) into the run's
 * {@code evaluation/} directory. Decision thresholds are tuned on the validation split only.
 */
final class RunEvaluation {
  private static final Logger LOG = Logger.getLogger(RunEvaluation.class.getName());
  /** The decision thresholds, written before any split other than validation is predicted. */
  static final String THRESHOLDS = "thresholds.json";

  private RunEvaluation() {}

  /**
   * Moves an earlier {@code evaluation/} of the run aside, to {@code evaluation-<time it was
   * written>/}, so that a new evaluation never replaces results silently; says where it went.
   */
  static void keepEarlier(RunDirectory run) {
    Path earlier = run.evaluation();
    if (!Files.isDirectory(earlier)) {
      return;
    }
    try {
      String stamp = LocalDateTime.ofInstant(Files.getLastModifiedTime(earlier).toInstant(), ZoneId.systemDefault())
          .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      Path target = run.resolve(RunDirectory.EVALUATION + "-" + stamp);
      for (int i = 2; Files.exists(target); i++) {
        target = run.resolve(RunDirectory.EVALUATION + "-" + stamp + "-" + i);
      }
      Files.move(earlier, target, StandardCopyOption.ATOMIC_MOVE);
      LOG.warning("the earlier evaluation of " + run + " was kept in " + target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the earlier evaluation " + earlier + ": " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates {@code splits}. The validation split is predicted first and the decision thresholds
   * are tuned on it and written ({@code evaluation/thresholds.json}) before any other split is
   * read: nothing the test split holds can reach a choice.
   */
  static Map<Split, EvaluationReport> evaluate(RunDirectory run, EcgDataset data, ExampleEncoder encoder,
                                               SplitPredictor predictor, TrainingSession session,
                                               EvaluationSettings settings, List<Split> splits) {
    Map<Split, Predictions> predictions = new LinkedHashMap<>();
    boolean tune = settings.tunedThresholds();
    if (tune || splits.contains(Split.VALIDATION)) {
      predict(run, data, encoder, predictor, session, Split.VALIDATION).ifPresent(p -> predictions.put(Split.VALIDATION, p));
    }
    Thresholds thresholds = tune && predictions.containsKey(Split.VALIDATION)
        ? ThresholdTuner.tune(predictions.get(Split.VALIDATION))
        : Thresholds.fixed(data.labels().classes(), 0.5);
    AtomicFiles.writeString(run.evaluation().resolve(THRESHOLDS), Json.pretty(thresholdsJson(thresholds)));
    for (Split split : splits) {
      if (!predictions.containsKey(split)) {
        predict(run, data, encoder, predictor, session, split).ifPresent(p -> predictions.put(split, p));
      }
    }
    Evaluator evaluator = new Evaluator(new BootstrapSettings(settings.resamples(), settings.confidence(),
        settings.bootstrapSeed()));
    Map<Split, EvaluationReport> reports = new LinkedHashMap<>();
    for (Split split : splits) {
      Predictions p = predictions.get(split);
      if (p == null) {
        continue;
      }
      EvaluationReport report = evaluator.evaluate(p, thresholds);
      reports.put(split, report);
      AtomicFiles.writeString(run.evaluation().resolve(split.id() + ".md"), report.toMarkdown());
      AtomicFiles.writeString(run.evaluation().resolve(split.id() + ".json"), report.toJson());
      AtomicFiles.writePng(run.evaluation().resolve("roc-" + split.id() + ".png"), EvaluationPlots.roc(p));
      AtomicFiles.writePng(run.evaluation().resolve("pr-" + split.id() + ".png"), EvaluationPlots.precisionRecall(p));
      LOG.info(split.id() + ": " + ReportMarkdown.headlineLine(report.headline(Evaluator.MACRO_AUC)));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("thresholds", thresholds.source());
    reports.forEach((split, report) -> summary.put(split.id(), ReportJson.toMap(report)));
    AtomicFiles.writeString(run.evaluation().resolve("summary.json"), Json.pretty(summary));
    return reports;
  }

  /** The predictions of one split (written as CSV), or empty when the split has no records. */
  private static Optional<Predictions> predict(RunDirectory run, EcgDataset data, ExampleEncoder encoder,
                                               SplitPredictor predictor, TrainingSession session, Split split) {
    int[] records = data.indices(split);
    if (records.length == 0) {
      LOG.warning("the " + split.id() + " split has no records; it is not evaluated");
      return Optional.empty();
    }
    Optional<float[]> crossFitted = split == Split.VALIDATION ? FusionFitter.outOfFold(run, data, records)
        : Optional.empty();
    if (crossFitted.isPresent()) {
      LOG.info("validation: the fusion's cross-fitted probabilities (model/" + FusionFitter.FUSION + ")");
    } else {
      encoder.inputs().precompute(new DatasetRecords(data, records));
    }
    float[] probabilities = crossFitted.isPresent() ? crossFitted.get() : predictor.predict(session, records);
    Predictions predictions = Trainer.predictions(split.id(), data, records, probabilities);
    writePredictions(run, data, split, records, predictions);
    return Optional.of(predictions);
  }

  /** The decision thresholds as {@code evaluation/thresholds.json} records them. */
  private static Map<String, Object> thresholdsJson(Thresholds thresholds) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", thresholds.source());
    json.put("tuned_on", thresholds.tunedOn() == null ? "none" : thresholds.tunedOn());
    Map<String, Object> values = new LinkedHashMap<>();
    for (int k = 0; k < thresholds.classes().size(); k++) {
      values.put(thresholds.classes().get(k), thresholds.get(k));
    }
    json.put("thresholds", values);
    return json;
  }

  private static void writePredictions(RunDirectory run, EcgDataset data, Split split, int[] records, Predictions p) {
    StringBuilder csv = new StringBuilder("record_id");
    for (String name : data.labels().classes()) {
      csv.append(",p_").append(name);
    }
    for (String name : data.labels().classes()) {
      csv.append(",y_").append(name);
    }
    csv.append('\n');
    for (int r = 0; r < records.length; r++) {
      csv.append(data.record(records[r]).id());
      for (int k = 0; k < p.classCount(); k++) {
        csv.append(',').append(p.score(r, k));
      }
      for (int k = 0; k < p.classCount(); k++) {
        csv.append(',').append(p.target(r, k) ? 1 : 0);
      }
      csv.append('\n');
    }
    AtomicFiles.writeString(run.evaluation().resolve("predictions-" + split.id() + ".csv"), csv.toString());
  }
}
