package org.sinus.engine.predict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.explain.Explainer;
import org.sinus.api.util.Progress;
import org.sinus.engine.compare.ThresholdsFile;
import org.sinus.engine.eval.Thresholds;
import org.sinus.engine.explain.ExplainRunner;
import org.sinus.engine.explain.RecordExplanations;
import org.sinus.engine.explain.RunExplainerContext;
import org.sinus.engine.run.RunDirectory;
import org.sinus.engine.run.RunModel;
import org.sinus.io.Recording;
import org.sinus.io.RecordingFiles;

/**
 * {@code sinus predict}: scores recordings with a run's model. Recordings are read, conformed to
 * the model's format and scored in chunks (memory stays bounded for a directory of any size); a
 * recording that cannot be read or conformed is reported in one line naming its file and the
 * others are still scored. Labels are decided with the thresholds the run's evaluation tuned on
 * its validation split ({@code evaluation/thresholds.json}), or 0.5 where the run has none.
 */
public final class PredictionRunner {
  private static final Logger LOG = Logger.getLogger(PredictionRunner.class.getName());
  /** Recordings read and scored together. */
  static final int CHUNK = 64;
  /** The directory of the explanations in the output directory. */
  public static final String EXPLANATIONS = "explanations";
  /** Windows per network call. */
  static final int BATCH_WINDOWS = 256;

  private final RunModel model;
  private final ArrayLayout arrays;
  private final Progress progress;
  private final Optional<ExplainRequest> explain;

  /**
   * Explanations of the most probable class of the first {@code max} recordings scored.
   *
   * @param name the explainer's type, for file names and the report
   */
  public record ExplainRequest(Explainer explainer, String name, int max) {}

  public PredictionRunner(RunModel model, ArrayLayout arrays, Progress progress, Optional<ExplainRequest> explain) {
    this.model = model;
    this.arrays = arrays;
    this.progress = progress;
    this.explain = explain;
  }

  /** The decision thresholds of the run's model: tuned on validation where its evaluation did so. */
  public static Thresholds thresholds(RunModel model) {
    List<String> classes = model.format().classes();
    Path file = model.run().resolve(RunDirectory.EVALUATION).resolve(ThresholdsFile.NAME);
    if (!Files.isRegularFile(file)) {
      LOG.warning(model.run() + " has no evaluation/" + ThresholdsFile.NAME + " (was it evaluated?): labels are "
          + "decided at probability 0.5");
      return Thresholds.fixed(classes, 0.5);
    }
    return ThresholdsFile.read(file, classes);
  }

  /**
   * Scores the recordings {@code inputs} name (files, or directories of them) and writes
   * {@code predictions.csv} and {@code predictions.json} into {@code outputDir}.
   */
  public PredictionResults predict(List<Path> inputs, Path outputDir) {
    long started = System.nanoTime();
    Thresholds thresholds = thresholds(model);
    List<Path> files = RecordingFiles.expand(inputs);
    if (files.isEmpty()) {
      throw new SinusException(ExitCode.USAGE, "no recordings in " + inputs + " (Sinus reads WFDB ."
          + String.join(", .", RecordingFiles.EXTENSIONS) + " files)");
    }
    RecordingConformer conformer = new RecordingConformer(model.format(), arrays);
    RecordPredictor predictor = new RecordPredictor(model, BATCH_WINDOWS);
    List<RecordPrediction> scored = new ArrayList<>();
    List<RejectedRecording> rejected = new ArrayList<>();
    Optional<RecordExplanations> explanations = explain.map(request -> new RecordExplanations(
        outputDir.resolve(EXPLANATIONS), "Explanations (" + request.name() + ") of recordings scored by "
        + model.run().path().getFileName(), model.format().classes(), model.format().format()));
    progress.start("predict", files.size());
    try {
      for (int first = 0; first < files.size(); first += CHUNK) {
        List<ConformedRecording> chunk = new ArrayList<>();
        for (Path file : files.subList(first, Math.min(files.size(), first + CHUNK))) {
          try {
            Recording recording = RecordingFiles.read(file);
            chunk.add(conformer.conform(recording));
          } catch (RuntimeException e) {
            RejectedRecording rejection = rejection(file, e);
            rejected.add(rejection);
            LOG.fine(rejection.reason());
          }
        }
        List<float[]> probabilities = predictor.predict(chunk);
        for (int i = 0; i < chunk.size(); i++) {
          scored.add(prediction(chunk.get(i), probabilities.get(i), thresholds));
          if (explanations.isPresent() && scored.size() <= explain.get().max()) {
            explainTopClass(explanations.get(), chunk.get(i), probabilities.get(i), scored.size());
          }
        }
        progress.advance(Math.min(CHUNK, files.size() - first));
      }
    } finally {
      progress.done();
    }
    Optional<Path> explained = explanations.map(e -> e.finish().directory());
    double seconds = (System.nanoTime() - started) / 1e9;
    PredictionResults results = new PredictionResults(model.format().classes(), thresholds, scored, rejected,
        outputDir, explained, seconds);
    PredictionFiles.write(results, model);
    return results;
  }

  /** Explains the recording's most probable class with the explainer asked for. */
  private void explainTopClass(RecordExplanations explanations, ConformedRecording record, float[] probabilities,
                               int number) {
    int top = ExplainRunner.predictedClass(probabilities, 0, probabilities.length);
    RunExplainerContext context = RunExplainerContext.of(model, record.samples());
    explanations.explain(context, explain.get().explainer(), record.name(), record.signal(),
        model.format().scoring().starts(record.samples()), top, probabilities[top], number);
  }

  private RecordPrediction prediction(ConformedRecording record, float[] probabilities, Thresholds thresholds) {
    List<String> labels = new ArrayList<>();
    List<String> classes = model.format().classes();
    for (int k = 0; k < classes.size(); k++) {
      if (probabilities[k] >= thresholds.get(k)) {
        labels.add(classes.get(k));
      }
    }
    int windows = model.format().scoring().starts(record.samples()).length;
    return new RecordPrediction(record.name(), record.source(), probabilities, labels, windows, record.notices());
  }

  /** The reason as one line that starts with the file. */
  private static RejectedRecording rejection(Path file, RuntimeException e) {
    String message = e instanceof SinusException ? String.valueOf(e.getMessage()) : e.toString();
    String line = message.strip().replace('\n', ' ');
    return new RejectedRecording(file, line.startsWith(file.toString()) ? line : file + ": " + line);
  }
}
