package org.sinus.engine.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sinus.api.cache.CachePlan;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.model.PretrainedPart;
import org.sinus.api.representation.CachedRepresentation;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.Representation;
import org.sinus.engine.data.DatasetRecords;
import org.sinus.engine.run.ExperimentSetup;
import org.sinus.engine.run.InputFitting;

/**
 * The representation cache files a run of an experiment will open, found before it runs: for each input
 * whose representation is a {@link CachedRepresentation}, the caches of the training records (fitting)
 * and of the validation records and every evaluated split's records (precomputed before they are
 * encoded), as the run would open them. Inputs that come from trained runs are restored, not fitted:
 * their caches are left to the run.
 */
public final class RunCachePlans {
  private RunCachePlans() {}

  /** The plans of the run of {@code setup} on {@code data}, its records loaded; nothing is computed yet. */
  public static List<CachePlan> of(ExperimentSetup setup, EcgDataset data, DataContext dataContext) {
    FitContext context = InputFitting.context(setup, data, dataContext);
    InputFitting.checkShapes(setup, context);
    List<CachePlan> plans = new ArrayList<>();
    for (CachedRepresentation cached : fitted(setup)) {
      plans.addAll(cached.cachePlans(DatasetRecords.of(data, Split.TRAIN), precomputed(setup, data), context));
    }
    return plans;
  }

  /** Whether a run of {@code setup} may need caches at all (before its data is loaded). */
  public static boolean mayNeedCaches(ExperimentSetup setup) {
    return !fitted(setup).isEmpty();
  }

  /** The inputs' representations that keep caches and are fitted by the run (not restored from trained runs). */
  private static List<CachedRepresentation> fitted(ExperimentSetup setup) {
    Set<String> restored = setup.model().pretrained().stream().map(PretrainedPart::input).collect(Collectors.toSet());
    List<CachedRepresentation> cached = new ArrayList<>();
    for (Map.Entry<String, Representation> input : setup.inputs().entrySet()) {
      if (input.getValue() instanceof CachedRepresentation representation && !restored.contains(input.getKey())) {
        cached.add(representation);
      }
    }
    return cached;
  }

  /** The record sets a run precomputes: validation (training, evaluation), then each other evaluated split. */
  private static List<RecordSet> precomputed(ExperimentSetup setup, EcgDataset data) {
    List<Split> splits = new ArrayList<>(List.of(Split.VALIDATION));
    setup.evaluation().splits().stream().filter(split -> !splits.contains(split)).forEach(splits::add);
    List<RecordSet> sets = new ArrayList<>();
    for (Split split : splits) {
      if (data.indices(split).length > 0) {
        sets.add(DatasetRecords.of(data, split));
      }
    }
    return sets;
  }
}
