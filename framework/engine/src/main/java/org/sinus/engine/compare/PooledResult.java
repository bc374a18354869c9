package org.sinus.engine.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * One grid point and seed of a sweep, scored on its pooled out-of-fold predictions (or, without
 * cross-validation, on its run's test predictions).
 *
 * @param point the grid point (its overrides without seed and fold)
 * @param seed its seed ({@link SweepRuns#BASE_SEED} where the point does not set one)
 * @param runs its run directories, one per fold, in fold order
 * @param macroAuc macro ROC AUC over all pooled records, with its interval
 * @param macroAp macro average precision over all pooled records, with its interval
 * @param macroF1 macro F1 of the pooled decisions, each fold's at its own thresholds, with its interval
 */
public record PooledResult(String point, String seed, List<Path> runs, Estimate macroAuc, Estimate macroAp,
                           Estimate macroF1) {
  public PooledResult {
    runs = List.copyOf(runs);
  }

  /** How many folds were pooled. */
  public int folds() {
    return runs.size();
  }
}
