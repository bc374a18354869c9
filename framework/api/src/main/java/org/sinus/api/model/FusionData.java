package org.sinus.api.model;

import java.util.List;
import org.sinus.api.explain.RecordScoring;

/**
 * What a fusion is fitted on: every part's probabilities on every window of the validation
 * records, and their labels.
 *
 * @param parts the parts' names, in the model's order
 * @param classes the class names
 * @param records validation records
 * @param windows windows per record (the evaluation's sliding windows)
 * @param probabilities {@code [record][window][part][class]} probabilities, row-major
 * @param targets {@code [record][class]}: whether the record has the class
 * @param aggregate how the evaluation combines a record's window probabilities
 * @param seed seeds any randomness of the fit (e.g. the folds of cross-fitting)
 */
public record FusionData(List<String> parts, List<String> classes, int records, int windows, float[] probabilities,
                         boolean[] targets, RecordScoring.Aggregate aggregate, long seed) {
  public FusionData {
    parts = List.copyOf(parts);
    classes = List.copyOf(classes);
    if (probabilities.length != (long) records * windows * parts.size() * classes.size()) {
      throw new IllegalArgumentException(probabilities.length + " probabilities for " + records + " records × "
          + windows + " windows × " + parts.size() + " parts × " + classes.size() + " classes");
    }
    if (targets.length != (long) records * classes.size()) {
      throw new IllegalArgumentException(targets.length + " targets for " + records + " records × "
          + classes.size() + " classes");
    }
  }

  /** The probability of class {@code c} by part {@code p} on window {@code w} of record {@code r}. */
  public float probability(int r, int w, int p, int c) {
    return probabilities[((r * windows + w) * parts.size() + p) * classes.size() + c];
  }

  public boolean target(int r, int c) {
    return targets[r * classes.size() + c];
  }
}
