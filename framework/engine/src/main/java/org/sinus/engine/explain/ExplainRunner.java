package org.sinus.engine.explain;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.RecordScoring;
import org.sinus.engine.data.DatasetRecords;
import org.sinus.engine.run.TrainedRun;

/**
 * Explains the predictions of a trained run for chosen records and writes one JSON file per
 * record and class into a new directory {@code <run>/explanations/<explainer>-<time>/} (earlier
 * explanations are never replaced). For a model made of parts (a late fusion's branches), each
 * file also holds the parts' own probabilities and their shares of the relevance
 * ({@link PartShares}, key {@code parts}), as do {@code summary.json} (key {@code parts}),
 * {@code summary.md} and the report.
 */
public final class ExplainRunner {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private ExplainRunner() {}

  /**
   * What to explain.
   *
   * @param recordIds records by id; empty to take the first {@code count} records of {@code split}
   * @param split where records are taken from when no ids are given
   * @param count how many records of {@code split}
   * @param classChoice {@code predicted} (the class with the highest record probability), {@code true}
   *     (every class the record has), or a class name
   * @param windowStart explain only the window starting at this sample; -1 for the whole record as
   *     the evaluation scores it
   * @param seed seeds the explainer's sampling
   */
  public record Request(List<String> recordIds, Split split, int count, String classChoice, int windowStart, long seed) {}

  /** Where the explanations went. */
  public record Result(Path directory, List<Path> files) {}

  public static Result explain(TrainedRun trained, Explainer explainer, String explainerName, Request request) {
    EcgDataset data = trained.data();
    List<Integer> records = records(data, request);
    RecordScoring scoring = trained.scoring();
    if (request.windowStart() >= 0 && request.windowStart() + scoring.windowSamples() > data.samples()) {
      throw new SinusException(ExitCode.USAGE, "a window of " + scoring.windowSamples() + " samples starting at sample "
          + request.windowStart() + " does not fit in records of " + data.samples() + " samples");
    }
    int[] indices = records.stream().mapToInt(Integer::intValue).toArray();
    trained.inputs().precompute(new DatasetRecords(data, indices));
    float[] probabilities = trained.predictor().predict(trained.session(), indices);
    int classes = data.labels().size();
    RunExplainerContext context = RunExplainerContext.of(trained, trained.session());
    Path directory = trained.run().resolve("explanations").resolve(
        explainerName.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + LocalDateTime.now().format(STAMP));
    RecordExplanations explanations = new RecordExplanations(directory, "Explanations of "
        + trained.run().path().getFileName() + " (" + explainerName + ")", data.labels().classes(),
        DatasetRecords.formatOf(data));
    for (int r = 0; r < indices.length; r++) {
      String id = data.record(indices[r]).id();
      float[] signal = data.signals().read(indices[r]);
      int[] starts = request.windowStart() >= 0 ? new int[] {request.windowStart()} : scoring.starts(data.samples());
      for (int label : labels(data, indices[r], probabilities, r * classes, request.classChoice())) {
        explanations.explain(context, explainer, id, signal, starts, label, probabilities[r * classes + label],
            request.seed() + r);
      }
    }
    RecordExplanations.Result result = explanations.finish();
    return new Result(result.directory(), result.files());
  }

  private static List<Integer> records(EcgDataset data, Request request) {
    List<Integer> records = new ArrayList<>();
    if (!request.recordIds().isEmpty()) {
      for (String id : request.recordIds()) {
        OptionalInt index = data.indexOf(id);
        if (index.isEmpty()) {
          throw new SinusException(ExitCode.DATA, "record '" + id + "' is not in " + data.name() + " as this run loads it ("
              + data.size() + " records, e.g. " + data.record(0).id() + ")");
        }
        records.add(index.getAsInt());
      }
      return records;
    }
    int[] split = data.indices(request.split());
    if (split.length == 0) {
      throw new SinusException(ExitCode.DATA, "the " + request.split().id() + " split of " + data.name() + " has no records");
    }
    for (int i = 0; i < Math.min(request.count(), split.length); i++) {
      records.add(split[i]);
    }
    return records;
  }

  /** The class of the highest probability among {@code probabilities[offset .. offset + classes)}. */
  public static int predictedClass(float[] probabilities, int offset, int classes) {
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (probabilities[offset + c] > probabilities[offset + best]) {
        best = c;
      }
    }
    return best;
  }

  private static List<Integer> labels(EcgDataset data, int record, float[] probabilities, int offset, String choice) {
    List<String> classes = data.labels().classes();
    switch (choice) {
      case "predicted" -> {
        return List.of(predictedClass(probabilities, offset, classes.size()));
      }
      case "true" -> {
        List<Integer> labels = new ArrayList<>();
        for (int label : data.record(record).labels()) {
          labels.add(label);
        }
        return labels;
      }
      default -> {
        int label = classes.indexOf(choice);
        if (label < 0) {
          throw new SinusException(ExitCode.USAGE, "--class " + choice + ": not a class of this run; its classes are "
              + classes + ", or use 'predicted' or 'true'");
        }
        return List.of(label);
      }
    }
  }
}
