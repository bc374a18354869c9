package org.sinus.engine.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.sinus.engine.eval.AveragePrecision;
import org.sinus.engine.eval.Bootstrap;
import org.sinus.engine.eval.BootstrapResult;
import org.sinus.engine.eval.BootstrapSamples;
import org.sinus.engine.eval.BootstrapSettings;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.RocAuc;
import org.sinus.engine.eval.ThresholdMetrics;
import org.sinus.engine.eval.WeightedMetric;

/**
 * Scores every compared run on the same bootstrap resamples of the records: one run of the engine's
 * {@link Bootstrap} over the baseline's predictions, whose metrics are the metrics of every run. Record i
 * is the same record in every run and the runs' labels are equal ({@link MatchedRecords}), so one vector
 * of record multiplicities resamples every run alike, and the bootstrap's rule for rejecting a resample
 * (a class losing all its positives or negatives) holds for every run at once.
 */
final class PairedBootstrap {
  private final BootstrapSettings settings;

  PairedBootstrap(BootstrapSettings settings) {
    this.settings = settings;
  }

  /**
   * Every run's metrics on the whole split and on each kept resample, with the bootstrap's record of
   * rejected resamples.
   */
  record Samples(BootstrapResult bootstrap, List<RunSamples> runs) {}

  /**
   * One run's metrics: macro AUC, macro average precision, macro F1 at the run's thresholds, and the AUC
   * of each class that has one, by class name.
   */
  record RunSamples(Resampled macroAuc, Resampled macroAp, Resampled macroF1, Map<String, Resampled> classAuc) {}

  /** Samples the runs; the first one's predictions carry the records' labels (every run has the same). */
  Samples sample(List<ComparedRun> runs) {
    Predictions reference = runs.get(0).predictions();
    int[] ranked = IntStream.range(0, reference.classCount()).filter(k -> RocAuc.auc(reference, k).isDefined()).toArray();
    Map<String, WeightedMetric> metrics = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      Predictions p = runs.get(i).predictions();
      metrics.put(i + ":macro_auc", RocAuc.macroMetric(p));
      metrics.put(i + ":macro_ap", AveragePrecision.macroMetric(p));
      metrics.put(i + ":macro_f1", ThresholdMetrics.macroF1Metric(p, runs.get(i).thresholds()));
      for (int k : ranked) {
        metrics.put(i + ":auc:" + k, weights -> RocAuc.weighted(p, k, weights));
      }
    }
    BootstrapSamples samples = new Bootstrap(settings).sample(reference, metrics);
    List<RunSamples> result = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Map<String, Resampled> classAuc = new LinkedHashMap<>();
      for (int k : ranked) {
        classAuc.put(reference.classes().get(k), resampled(metrics, samples, i + ":auc:" + k));
      }
      result.add(new RunSamples(resampled(metrics, samples, i + ":macro_auc"), resampled(metrics, samples, i + ":macro_ap"),
          resampled(metrics, samples, i + ":macro_f1"), classAuc));
    }
    return new Samples(samples.result(), result);
  }

  private static Resampled resampled(Map<String, WeightedMetric> metrics, BootstrapSamples samples, String name) {
    return new Resampled(metrics.get(name).compute(), samples.values(name));
  }
}
