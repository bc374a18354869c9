package org.sinus.engine.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.LabelSpace;
import org.sinus.engine.eval.Predictions;

/**
 * Puts the predictions of several runs on one footing: the same records in the same order (the first
 * run's), matched by record id, so that record i of every run is the same record and one bootstrap
 * resample of record indices resamples every run alike. Runs whose record ids, classes or labels
 * differ (other data, folds or tasks) cannot be compared this way and are refused, naming both runs.
 */
final class MatchedRecords {
  private MatchedRecords() {}

  /**
   * Each table as {@link Predictions} in the record order of the first.
   *
   * @param labels a name for each run, for messages
   * @throws SinusException (usage) if a run's record ids, classes or labels differ from the first run's
   */
  static List<Predictions> align(List<String> labels, List<PredictionsTable> tables, String split) {
    PredictionsTable first = tables.get(0);
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < first.records(); i++) {
      position.put(first.recordIds().get(i), i);
    }
    LabelSpace classes = new LabelSpace("as in predictions-" + split + ".csv", first.classes(), true);
    int k = classes.size();
    List<Predictions> aligned = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      PredictionsTable table = tables.get(t);
      String pair = "runs " + labels.get(0) + " and " + labels.get(t) + " cannot be compared: ";
      if (!table.classes().equals(first.classes())) {
        throw new SinusException(ExitCode.USAGE, pair + "their " + split + " predictions have the classes "
            + first.classes() + " and " + table.classes() + " (runs of different tasks?)");
      }
      checkSameRecords(pair, split, labels.get(0), first, labels.get(t), table, position);
      float[] scores = new float[first.records() * k];
      boolean[] targets = new boolean[scores.length];
      for (int r = 0; r < table.records(); r++) {
        int i = position.get(table.recordIds().get(r));
        for (int c = 0; c < k; c++) {
          if (table.target(r, c) != first.target(i, c)) {
            String with = first.target(i, c) ? labels.get(0) : labels.get(t);
            String without = first.target(i, c) ? labels.get(t) : labels.get(0);
            throw new SinusException(ExitCode.USAGE, pair + "record " + table.recordIds().get(r) + " has class "
                + first.classes().get(c) + " in " + with + " but not in " + without + " (other labels?)");
          }
          scores[i * k + c] = table.score(r, c);
          targets[i * k + c] = table.target(r, c);
        }
      }
      aligned.add(Predictions.of(split, classes, scores, targets));
    }
    return aligned;
  }

  private static void checkSameRecords(String pair, String split, String firstLabel, PredictionsTable first,
                                       String label, PredictionsTable table, Map<String, Integer> position) {
    List<String> onlyHere = table.recordIds().stream().filter(id -> !position.containsKey(id)).toList();
    if (onlyHere.isEmpty() && table.records() == first.records()) {
      return;
    }
    List<String> onlyFirst = new ArrayList<>(first.recordIds());
    onlyFirst.removeAll(new HashSet<>(table.recordIds()));
    throw new SinusException(ExitCode.USAGE, pair + "they were evaluated on different " + split + " records ("
        + first.records() + " in " + firstLabel + ", " + table.records() + " in " + label + "; "
        + some(onlyFirst) + " only in " + firstLabel + ", " + some(onlyHere) + " only in " + label
        + "). Compare runs on the same data and folds.");
  }

  /** {@code 3 (e.g. 17, 18, 21)} for a few ids, or {@code none}. */
  private static String some(List<String> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    return ids.size() + " (e.g. " + String.join(", ", ids.subList(0, Math.min(3, ids.size()))) + ")";
  }
}
