package org.sinus.engine.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.eval.AveragePrecision;
import org.sinus.engine.eval.Bootstrap;
import org.sinus.engine.eval.BootstrapSamples;
import org.sinus.engine.eval.BootstrapSettings;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.RocAuc;
import org.sinus.engine.eval.ThresholdMetrics;
import org.sinus.engine.eval.Thresholds;
import org.sinus.engine.eval.WeightedMetric;

/**
 * Aggregates a sweep from the predictions its runs' evaluations wrote: for every grid point and seed, the
 * test predictions of all its folds pooled ({@link PooledPredictions}) and scored as one set of
 * out-of-fold predictions, macro AUC and macro AP with bootstrap intervals over all pooled records; each
 * point's mean ± sd over its seeds; and each point's paired difference from the baseline point (the first,
 * or the one named) for the same seed. Every interval comes from one run of the engine's {@link Bootstrap} over the pooled
 * records, matched by id ({@link MatchedRecords}), so all points are resampled alike.
 *
 * <p>Macro F1 is scored on the pooled yes/no decisions: each fold decides at its own thresholds, tuned on
 * its own validation fold, as its run's evaluation did; no threshold is chosen on pooled or test records.
 *
 * <pre>{@code
 * SweepComparison sweep = SweepAggregation.compare(SweepRuns.read(directory), "test", BootstrapSettings.defaults());
 * ComparisonFiles.write(sweep, out);
 * }</pre>
 */
public final class SweepAggregation {
  private SweepAggregation() {}

  /** One grid point and seed with its runs, one per fold. */
  private record Unit(String point, String seed, List<SweepRuns.Run> runs) {
    String label() {
      return point + ", seed " + seed;
    }
  }

  /**
   * Aggregates the sweep's completed runs on {@code split}.
   *
   * @throws SinusException (usage) if the sweep has no completed run, a record is in two folds of a point, or
   *     points were evaluated on different records or classes; (run) if a run's predictions are missing
   * @throws IllegalArgumentException with the bootstrap off
   */
  public static SweepComparison compare(SweepRuns sweep, String split, BootstrapSettings settings) {
    return compare(sweep, split, settings, null);
  }

  /**
   * Aggregates the sweep's completed runs on {@code split}, with the paired differences from {@code baseline}:
   * a point's label, or a part of exactly one point's label (null: the first point).
   *
   * @throws SinusException (usage) also if {@code baseline} names no point or more than one
   */
  public static SweepComparison compare(SweepRuns sweep, String split, BootstrapSettings settings, String baseline) {
    if (!settings.enabled()) {
      throw new IllegalArgumentException("a comparison needs bootstrap resamples; got 0");
    }
    List<String> notes = new ArrayList<>(sweep.notes());
    List<Unit> found = complete(units(sweep), notes);
    if (found.isEmpty()) {
      throw new SinusException(ExitCode.USAGE, "the sweep " + sweep.directory() + " has no completed run to compare"
          + (sweep.notes().isEmpty() ? "" : " (" + String.join("; ", sweep.notes()) + ")"));
    }
    List<Unit> units = baseline == null ? found : baselineFirst(found, baseline);
    int folds = units.get(0).runs().size();
    List<String> labels = units.stream().map(Unit::label).toList();
    List<PooledPredictions.Pooled> pooledTables = units.stream().map(unit -> PooledPredictions.pool(
        unit.runs().stream().map(SweepRuns.Run::directory).toList(), split)).toList();
    List<Predictions> matched = MatchedRecords.align(labels,
        pooledTables.stream().map(PooledPredictions.Pooled::scores).toList(), split);
    List<Predictions> decisions = MatchedRecords.align(labels,
        pooledTables.stream().map(PooledPredictions.Pooled::decisions).toList(), split);
    Thresholds atHalf = Thresholds.fixed(matched.get(0).classes(), 0.5);

    Map<String, WeightedMetric> metrics = new LinkedHashMap<>();
    for (int i = 0; i < matched.size(); i++) {
      metrics.put(i + ":macro_auc", RocAuc.macroMetric(matched.get(i)));
      metrics.put(i + ":macro_ap", AveragePrecision.macroMetric(matched.get(i)));
      metrics.put(i + ":macro_f1", ThresholdMetrics.macroF1Metric(decisions.get(i), atHalf));
    }
    Predictions reference = matched.get(0);
    BootstrapSamples samples = new Bootstrap(settings).sample(reference, metrics);
    double confidence = settings.confidence();
    List<Resampled> auc = new ArrayList<>();
    List<PooledResult> pooled = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Resampled macroAuc = resampled(metrics, samples, i + ":macro_auc");
      auc.add(macroAuc);
      pooled.add(new PooledResult(units.get(i).point(), units.get(i).seed(),
          units.get(i).runs().stream().map(SweepRuns.Run::directory).toList(), macroAuc.estimate(confidence),
          resampled(metrics, samples, i + ":macro_ap").estimate(confidence),
          resampled(metrics, samples, i + ":macro_f1").estimate(confidence)));
    }

    Map<String, List<Integer>> byPoint = new LinkedHashMap<>();
    for (int i = 0; i < units.size(); i++) {
      byPoint.computeIfAbsent(units.get(i).point(), p -> new ArrayList<>()).add(i);
    }
    String baselinePoint = units.get(0).point();
    List<Integer> baselineMembers = byPoint.get(baselinePoint);
    Resampled baselineMean = Resampled.mean(baselineMembers.stream().map(auc::get).toList());
    List<PointResult> points = new ArrayList<>();
    List<PointDifference> differences = new ArrayList<>();
    List<GroupDifference> meanDifferences = new ArrayList<>();
    byPoint.forEach((point, members) -> {
      Resampled mean = Resampled.mean(members.stream().map(auc::get).toList());
      points.add(new PointResult(point, members.stream().map(m -> units.get(m).seed()).toList(),
          mean.estimate(confidence), RunComparison.standardDeviation(
              members.stream().mapToDouble(m -> auc.get(m).value()).toArray())));
      if (point.equals(baselinePoint)) {
        return;
      }
      for (int m : members) {
        String seed = units.get(m).seed();
        baselineMembers.stream().filter(b -> units.get(b).seed().equals(seed)).findFirst().ifPresentOrElse(
            b -> differences.add(new PointDifference(point, baselinePoint, seed,
                auc.get(m).minus(auc.get(b)).difference(confidence))),
            () -> notes.add(point + " with seed " + seed + " has no baseline run (" + baselinePoint
                + ") with the same seed to be paired with"));
      }
      if (members.size() > 1 || baselineMembers.size() > 1) {
        meanDifferences.add(new GroupDifference(point, baselinePoint, mean.minus(baselineMean).difference(confidence)));
      }
    });

    if (folds > 1) {
      notes.add("each point's " + split + " predictions of its " + folds + " folds are pooled (no record is in "
          + "more than one " + split + " fold, checked) and scored as one set of " + reference.records() + " out-of-fold records");
      notes.add("macro F1 is that of the pooled yes/no decisions, each fold's made at its own thresholds "
          + "(evaluation/thresholds.json, tuned on its own validation fold)");
    } else {
      notes.add("the sweep has no cross-validation: each point is scored on its run's " + split + " predictions");
    }
    String excluded = RocAuc.macro(reference).exclusionNote("AUC");
    if (!excluded.isEmpty()) {
      notes.add(excluded + " (no positive or no negative record among the pooled " + split + " records)");
    }
    notes.addAll(RunComparison.bootstrapNotes(samples.result()));
    return new SweepComparison(sweep.directory(), split, folds, reference.records(), reference.classes(),
        samples.result(), pooled, points, differences, meanDifferences, notes);
  }

  /** The units of the point {@code baseline} names first, the others in their order. */
  private static List<Unit> baselineFirst(List<Unit> units, String baseline) {
    List<String> points = units.stream().map(Unit::point).distinct().toList();
    List<String> named = points.contains(baseline) ? List.of(baseline)
        : points.stream().filter(point -> point.contains(baseline)).toList();
    if (named.size() != 1) {
      throw new SinusException(ExitCode.USAGE, "--baseline " + baseline + (named.isEmpty()
          ? " is not in the label of any compared grid point"
          : " is in the labels of " + named.size() + " compared grid points; give more of one label")
          + "; the points are: " + String.join("; ", points));
    }
    List<Unit> ordered = new ArrayList<>(units.stream().filter(unit -> unit.point().equals(named.get(0))).toList());
    units.stream().filter(unit -> !unit.point().equals(named.get(0))).forEach(ordered::add);
    return ordered;
  }

  /** The runs grouped by point and seed, in the order of the sweep; each group's runs in fold order. */
  private static List<Unit> units(SweepRuns sweep) {
    Map<List<String>, List<SweepRuns.Run>> groups = new LinkedHashMap<>();
    for (SweepRuns.Run run : sweep.runs()) {
      groups.computeIfAbsent(List.of(run.point(), run.seed()), key -> new ArrayList<>()).add(run);
    }
    List<Unit> units = new ArrayList<>();
    groups.forEach((key, runs) -> {
      List<SweepRuns.Run> ordered = new ArrayList<>(runs);
      ordered.sort((a, b) -> a.fold().compareTo(b.fold()));
      units.add(new Unit(key.get(0), key.get(1), ordered));
    });
    return units;
  }

  /** The units with every fold the sweep has; the others are left out with a note. */
  private static List<Unit> complete(List<Unit> units, List<String> notes) {
    List<String> allFolds = new ArrayList<>();
    units.forEach(unit -> unit.runs().forEach(run -> {
      if (!allFolds.contains(run.fold())) {
        allFolds.add(run.fold());
      }
    }));
    List<Unit> complete = new ArrayList<>();
    for (Unit unit : units) {
      List<String> folds = unit.runs().stream().map(SweepRuns.Run::fold).distinct().toList();
      if (folds.size() == allFolds.size() && folds.size() == unit.runs().size()) {
        complete.add(unit);
      } else {
        List<String> missing = allFolds.stream().filter(f -> !folds.contains(f)).toList();
        notes.add(unit.label() + " is left out: it has completed runs of " + unit.runs().size() + " of the "
            + allFolds.size() + " test folds (missing " + (missing.isEmpty() ? "none, but a fold twice" : missing) + ")");
      }
    }
    return complete;
  }

  private static Resampled resampled(Map<String, WeightedMetric> metrics, BootstrapSamples samples, String name) {
    return new Resampled(metrics.get(name).compute(), samples.values(name));
  }
}
