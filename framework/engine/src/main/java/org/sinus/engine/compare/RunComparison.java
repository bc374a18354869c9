package org.sinus.engine.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.sinus.engine.eval.BootstrapResult;
import org.sinus.engine.eval.BootstrapSettings;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.RocAuc;

/**
 * Compares finished runs on one split from the predictions their evaluations wrote: every run's macro
 * AUC, per-class AUC, macro AP and macro F1 (at the run's own thresholds) with bootstrap intervals, the
 * paired difference of each run from the baseline, and the runs of one experiment pooled over seeds.
 * Every interval comes from the same resamples of the records ({@link PairedBootstrap}).
 *
 * <pre>{@code
 * List<ComparedRun> runs = ComparedRuns.load(List.of(a, b, c), null, "test", registry);
 * Comparison comparison = RunComparison.compare("test", runs, BootstrapSettings.defaults());
 * ComparisonFiles.write(comparison, ComparisonFiles.createDefaultDirectory(List.of(a, b, c)));
 * }</pre>
 */
public final class RunComparison {
  private RunComparison() {}

  /**
   * Compares runs whose records are matched ({@link ComparedRuns#load}); the first is the baseline.
   *
   * @throws IllegalArgumentException with fewer than two runs, or with the bootstrap off
   */
  public static Comparison compare(String split, List<ComparedRun> runs, BootstrapSettings settings) {
    if (runs.size() < 2) {
      throw new IllegalArgumentException("a comparison needs at least two runs, got " + runs.size());
    }
    if (!settings.enabled()) {
      throw new IllegalArgumentException("a comparison needs bootstrap resamples; got 0");
    }
    double confidence = settings.confidence();
    PairedBootstrap.Samples samples = new PairedBootstrap(settings).sample(runs);
    List<RunResult> results = new ArrayList<>();
    List<RunDifference> differences = new ArrayList<>();
    PairedBootstrap.RunSamples baseline = samples.runs().get(0);
    for (int i = 0; i < runs.size(); i++) {
      ComparedRun run = runs.get(i);
      PairedBootstrap.RunSamples s = samples.runs().get(i);
      Map<String, Estimate> classAuc = new LinkedHashMap<>();
      s.classAuc().forEach((name, auc) -> classAuc.put(name, auc.estimate(confidence)));
      results.add(new RunResult(run.label(), run.directory(), run.experiment().name(), run.experiment().seed(),
          run.thresholds().source(), s.macroAuc().estimate(confidence), s.macroAp().estimate(confidence),
          s.macroF1().estimate(confidence), classAuc));
      if (i > 0) {
        Map<String, Difference> classDifference = new LinkedHashMap<>();
        s.classAuc().forEach((name, auc) ->
            classDifference.put(name, auc.minus(baseline.classAuc().get(name)).difference(confidence)));
        differences.add(new RunDifference(run.label(), s.macroAuc().minus(baseline.macroAuc()).difference(confidence),
            classDifference));
      }
    }

    List<RunExperiment> experiments = runs.stream().map(ComparedRun::experiment).toList();
    List<String> labels = runs.stream().map(ComparedRun::label).toList();
    SeedGroups seedGroups = SeedGroups.of(experiments);
    List<GroupResult> groups = new ArrayList<>();
    List<GroupDifference> groupDifferences = new ArrayList<>();
    int baselineGroup = seedGroups.groupOf(0);
    Resampled baselineMean = meanAuc(samples, seedGroups.all().get(baselineGroup));
    String baselineLabel = seedGroups.all().get(baselineGroup).size() > 1
        ? groupLabel(seedGroups, baselineGroup, experiments, labels) : labels.get(0);
    for (int g = 0; g < seedGroups.all().size(); g++) {
      List<Integer> members = seedGroups.all().get(g);
      if (members.size() < 2) {
        continue;
      }
      Resampled mean = meanAuc(samples, members);
      String label = groupLabel(seedGroups, g, experiments, labels);
      groups.add(new GroupResult(label, experiments.get(members.get(0)).name(),
          members.stream().map(labels::get).toList(), members.stream().map(m -> experiments.get(m).seed()).toList(),
          mean.estimate(confidence), standardDeviation(members.stream()
              .mapToDouble(m -> samples.runs().get(m).macroAuc().value()).toArray()), g == baselineGroup));
      if (g != baselineGroup) {
        groupDifferences.add(new GroupDifference(label, baselineLabel, mean.minus(baselineMean).difference(confidence)));
      }
    }

    List<String> notes = new ArrayList<>();
    Predictions reference = runs.get(0).predictions();
    String excluded = RocAuc.macro(reference).exclusionNote("AUC");
    if (!excluded.isEmpty()) {
      notes.add(excluded + " (no positive or no negative record in " + split + ")");
    }
    notes.addAll(bootstrapNotes(samples.bootstrap()));
    for (ComparedRun run : runs) {
      if (run.thresholds().tunedOn() == null) {
        notes.add("the F1 of " + run.label() + " is at thresholds " + run.thresholds().source()
            + ", not tuned on validation");
      } else if (run.thresholds().tunedOn().equals(split)) {
        notes.add("the thresholds of " + run.label() + " were tuned on " + split + " itself, so its F1 is optimistic");
      }
    }
    notes.addAll(seedGroups.notes(labels, experiments));
    return new Comparison(split, reference.records(), reference.classes(), samples.bootstrap(), results, differences,
        groups, groupDifferences, notes);
  }

  private static Resampled meanAuc(PairedBootstrap.Samples samples, List<Integer> members) {
    return Resampled.mean(members.stream().map(m -> samples.runs().get(m).macroAuc()).toList());
  }

  /**
   * The experiment's name; where another group has the same name, with the settings that tell them
   * apart ("ptbxl-hybrid (model.fusion=weighted)"), or its first run when there are too many of those.
   */
  private static String groupLabel(SeedGroups groups, int g, List<RunExperiment> experiments, List<String> labels) {
    int first = groups.all().get(g).get(0);
    RunExperiment experiment = experiments.get(first);
    TreeSet<String> differing = new TreeSet<>();
    for (List<Integer> members : groups.all()) {
      RunExperiment other = experiments.get(members.get(0));
      if (members.get(0) != first && other.name().equals(experiment.name())) {
        differing.addAll(experiment.differingSettings(other));
      }
    }
    if (differing.isEmpty()) {
      return experiment.name();
    }
    if (differing.size() > 4) {
      return experiment.name() + " like " + labels.get(first);
    }
    return experiment.name() + " (" + differing.stream()
        .map(key -> key + "=" + experiment.settings().getOrDefault(key, "unset")).collect(Collectors.joining(", ")) + ")";
  }

  /** The sample standard deviation (n − 1 in the denominator); NaN for fewer than two values. */
  static double standardDeviation(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }

  static List<String> bootstrapNotes(BootstrapResult bootstrap) {
    if (bootstrap.rejectionAbandoned()) {
      return List.of("classes " + String.join(", ", bootstrap.sparseClasses()) + " are so rare that resamples often "
          + "lack their positives or negatives: no resample was rejected, and each resample's macro averages leave out "
          + "the classes it lacks, so the intervals are approximate");
    }
    if (bootstrap.rejected() > 0) {
      return List.of(bootstrap.rejected() + " resamples lacked positives or negatives of "
          + String.join(", ", bootstrap.rejectedBecause().keySet()) + " and were drawn again (for every run alike)");
    }
    return List.of();
  }
}
