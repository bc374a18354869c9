package org.sinus.engine.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.eval.Thresholds;
import org.sinus.engine.run.RunDirectory;

/**
 * What a finished run's evaluation left of one split: the per-record predictions and the decision
 * thresholds tuned on validation. Comparing runs reads only these; no model is run again.
 *
 * @param directory the run directory
 * @param table the predictions of the split
 * @param thresholds the run's thresholds, for the table's classes
 */
public record RunPredictions(Path directory, PredictionsTable table, Thresholds thresholds) {

  /**
   * Reads {@code evaluation/predictions-<split>.csv} and {@code evaluation/thresholds.json} of a run.
   *
   * @throws SinusException (run) if the directory is not a run, or its evaluation of the split is missing
   *     (the message says how to make it)
   */
  public static RunPredictions load(Path directory, String split) {
    if (!Files.isDirectory(directory)) {
      throw new SinusException(ExitCode.RUN, "no run directory " + directory);
    }
    RunDirectory run = RunDirectory.open(directory);
    Path predictions = run.evaluation().resolve("predictions-" + split + ".csv");
    Path thresholds = run.evaluation().resolve(ThresholdsFile.NAME);
    for (Path required : new Path[] {predictions, thresholds}) {
      if (!Files.isRegularFile(required)) {
        throw new SinusException(ExitCode.RUN, "run " + run + " has no " + run.path().relativize(required)
            + ": evaluate it on " + split + " first, with sinus evaluate " + run + " --split " + split);
      }
    }
    PredictionsTable table = PredictionsTable.read(predictions);
    return new RunPredictions(directory, table, ThresholdsFile.read(thresholds, table.classes()));
  }
}
