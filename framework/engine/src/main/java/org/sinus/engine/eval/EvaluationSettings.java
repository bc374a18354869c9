package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.List;
import org.sinus.api.data.Split;
import org.sinus.api.plugin.ComponentConfig;

/**
 * The {@code evaluation} block of an experiment.
 *
 * @param splits the splits evaluated after training (test is never used for any choice)
 * @param resamples bootstrap resamples for confidence intervals; 0 = no intervals
 * @param confidence level of the intervals, e.g. 0.95
 * @param bootstrapSeed seed of the resampling
 * @param tunedThresholds whether F1/accuracy thresholds are tuned per class on validation (else 0.5)
 */
public record EvaluationSettings(List<Split> splits, int resamples, double confidence, long bootstrapSeed,
                                 boolean tunedThresholds) {

  public static EvaluationSettings read(ComponentConfig evaluation) {
    List<Split> splits = new ArrayList<>();
    for (String name : evaluation.getStringList("splits")) {
      try {
        splits.add(Split.parse(name));
      } catch (IllegalArgumentException e) {
        evaluation.problem("splits", e.getMessage());
      }
    }
    ComponentConfig bootstrap = evaluation.child("bootstrap");
    String thresholds = evaluation.getChoice("thresholds", List.of("tuned-on-validation", "0.5"));
    return new EvaluationSettings(List.copyOf(splits),
        bootstrap.getInt("resamples", 0, 1_000_000),
        bootstrap.getDouble("confidence", 0.5, 0.9999),
        bootstrap.getLong("seed", Long.MIN_VALUE, Long.MAX_VALUE),
        thresholds.equals("tuned-on-validation"));
  }
}
