package org.sinus.engine.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.eval.Thresholds;
import org.sinus.engine.run.RunDirectory;

/**
 * The out-of-fold predictions of one grid point and seed of a cross-validated sweep: every fold's {@code
 * evaluation/predictions-<split>.csv} concatenated, each record once, since each record is in exactly one
 * test fold. A record found in two folds' predictions is refused, naming both runs.
 */
final class PooledPredictions {
  private PooledPredictions() {}

  /**
   * A point's pooled predictions, read once from its folds' files.
   *
   * @param scores the folds' predictions as one table, in fold order
   * @param decisions the same records' yes/no decisions: 1 where a fold's score reaches that fold's own threshold
   *     of the class ({@code evaluation/thresholds.json}, tuned on its own validation fold), else 0; so F1 at 0.5
   *     on this table is the F1 of the pooled decisions
   */
  record Pooled(PredictionsTable scores, PredictionsTable decisions) {}

  /**
   * The folds' predictions and decisions, in fold order.
   *
   * @throws SinusException (run) if a run has no predictions of the split or no thresholds, (usage) if two runs
   *     hold the same record or their classes differ
   */
  static Pooled pool(List<Path> runs, String split) {
    List<PredictionsTable> tables = runs.stream()
        .map(run -> PredictionsTable.read(predictionsFile(run, split))).toList();
    PredictionsTable first = tables.get(0);
    int k = first.classes().size();
    Map<String, Path> seen = new HashMap<>();
    List<String> ids = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    List<Float> decisions = new ArrayList<>();
    List<Boolean> targets = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      PredictionsTable table = tables.get(t);
      if (!table.classes().equals(first.classes())) {
        throw new SinusException(ExitCode.USAGE, "runs " + runs.get(0) + " and " + runs.get(t) + " of one grid point "
            + "have the classes " + first.classes() + " and " + table.classes() + " in their " + split + " predictions");
      }
      Thresholds thresholds = ThresholdsFile.read(runs.get(t).resolve(RunDirectory.EVALUATION)
          .resolve(ThresholdsFile.NAME), table.classes());
      for (int r = 0; r < table.records(); r++) {
        String id = table.recordIds().get(r);
        Path earlier = seen.putIfAbsent(id, runs.get(t));
        if (earlier != null) {
          throw new SinusException(ExitCode.USAGE, "record " + id + " is a " + split + " record of both " + earlier
              + " and " + runs.get(t) + ": the folds of a cross-validation must not overlap, so its out-of-fold "
              + "predictions cannot be pooled");
        }
        ids.add(id);
        for (int c = 0; c < k; c++) {
          float score = table.score(r, c);
          scores.add(score);
          decisions.add(score >= thresholds.get(c) ? 1f : 0f);
          targets.add(table.target(r, c));
        }
      }
    }
    boolean[] allTargets = new boolean[targets.size()];
    for (int i = 0; i < allTargets.length; i++) {
      allTargets[i] = targets.get(i);
    }
    Path source = tables.size() == 1 ? first.file() : runs.get(0).getParent();
    return new Pooled(new PredictionsTable(source, ids, first.classes(), floats(scores), allTargets),
        new PredictionsTable(source, ids, first.classes(), floats(decisions), allTargets));
  }

  private static float[] floats(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static Path predictionsFile(Path run, String split) {
    Path file = run.resolve(RunDirectory.EVALUATION).resolve("predictions-" + split + ".csv");
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new SinusException(ExitCode.RUN, "run " + run + " has no " + run.relativize(file) + ": evaluate it on "
          + split + " first, with sinus evaluate " + run + " --split " + split);
    }
    return file;
  }
}
