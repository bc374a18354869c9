package org.sinus.engine.predict;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sinus.engine.eval.Thresholds;

/**
 * The outcome of {@code sinus predict}: every recording scored and every one refused, in input order
 * within each list, the decision thresholds used, and where the results were written.
 *
 * @param classes the model's classes, in the order of the probabilities
 * @param thresholds the decision threshold of each class
 * @param scored the recordings the model scored
 * @param rejected the recordings it could not score, each with its reason
 * @param outputDir the directory of {@code predictions.csv} and {@code predictions.json}
 * @param explanations the directory of the explanations, if they were asked for
 * @param seconds wall-clock seconds from the first read to the last prediction (files included)
 */
public record PredictionResults(List<String> classes, Thresholds thresholds, List<RecordPrediction> scored,
                                List<RejectedRecording> rejected, Path outputDir, Optional<Path> explanations,
                                double seconds) {
  public PredictionResults {
    classes = List.copyOf(classes);
    scored = List.copyOf(scored);
    rejected = List.copyOf(rejected);
  }
}
