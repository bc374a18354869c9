package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap behaviour as a whole: the same seed gives the same intervals, intervals contain the point
 * estimate and narrow with more records and less confidence, rare classes are rejected or, when too rare,
 * named, the weighted and materialized paths agree, and the quantiles are numpy's. The draws themselves are
 * checked by BootstrapResamplingTest, BootstrapRejectionTest and BootstrapReferenceTest.
 */
class BootstrapTest {
  private static final double[] PREVALENCE = {0.4, 0.25, 0.2, 0.12, 0.1};
  private static final String[] CLASSES = {"NORM", "MI", "STTC", "CD", "HYP"};

  private static Map<String, WeightedMetric> headlineMetrics(Predictions p) {
    Thresholds t = ThresholdTuner.tune(p);
    Map<String, WeightedMetric> metrics = new LinkedHashMap<>();
    metrics.put("auc", RocAuc.macroMetric(p));
    metrics.put("ap", AveragePrecision.macroMetric(p));
    metrics.put("f1", ThresholdMetrics.macroF1Metric(p, t));
    metrics.put("exact", ThresholdMetrics.exactMatchMetric(p, t));
    return metrics;
  }

  @Test
  void sameSeedSameIntervalsOtherSeedOtherIntervals() {
    Predictions p = EvalFixtures.random("test", 400, 1, PREVALENCE, CLASSES);
    BootstrapResult first = new Bootstrap(new BootstrapSettings(200, 0.95, 7)).run(p, headlineMetrics(p));
    BootstrapResult again = new Bootstrap(new BootstrapSettings(200, 0.95, 7)).run(p, headlineMetrics(p));
    BootstrapResult other = new Bootstrap(new BootstrapSettings(200, 0.95, 8)).run(p, headlineMetrics(p));
    assertThat(again).isEqualTo(first);
    assertThat(other.interval("auc")).isNotEqualTo(first.interval("auc"));
  }

  @Test
  void intervalsContainThePointEstimate() {
    Predictions p = EvalFixtures.random("test", 1000, 2, PREVALENCE, CLASSES);
    Map<String, WeightedMetric> metrics = headlineMetrics(p);
    BootstrapResult result = new Bootstrap(new BootstrapSettings(500, 0.95, 42)).run(p, metrics);
    metrics.forEach((name, metric) -> {
      ConfidenceInterval ci = result.interval(name);
      assertThat(ci.contains(metric.compute())).as("%s %s contains %s", name, ci, metric.compute()).isTrue();
      assertThat(ci.width()).as(name).isPositive();
      assertThat(ci.undefinedResamples()).isZero();
    });
    // the point estimate of the bootstrap metric is the report's macro value
    assertThat(metrics.get("auc").compute()).isEqualTo(RocAuc.macro(p).value().get());
  }

  @Test
  void intervalsNarrowWithMoreRecords() {
    // width shrinks roughly as 1/sqrt(N): 16 times the records, about a quarter of the width
    Predictions small = EvalFixtures.random("test", 250, 3, PREVALENCE, CLASSES);
    Predictions large = EvalFixtures.random("test", 4000, 3, PREVALENCE, CLASSES);
    BootstrapSettings settings = new BootstrapSettings(300, 0.95, 42);
    ConfidenceInterval wide = new Bootstrap(settings).run(small, headlineMetrics(small)).interval("auc");
    ConfidenceInterval narrow = new Bootstrap(settings).run(large, headlineMetrics(large)).interval("auc");
    assertThat(narrow.width()).isLessThan(wide.width() / 2.5);
  }

  @Test
  void higherConfidenceGivesWiderInterval() {
    Predictions p = EvalFixtures.random("test", 500, 4, PREVALENCE, CLASSES);
    ConfidenceInterval ci90 = new Bootstrap(new BootstrapSettings(400, 0.90, 1)).run(p, headlineMetrics(p)).interval("auc");
    ConfidenceInterval ci99 = new Bootstrap(new BootstrapSettings(400, 0.99, 1)).run(p, headlineMetrics(p)).interval("auc");
    assertThat(ci99.lower()).isLessThan(ci90.lower());
    assertThat(ci99.upper()).isGreaterThan(ci90.upper());
  }

  /** 10 records: COMMON has positives 5..9, RARE one positive (record 3), missing from 0.9^10 = 35% of resamples. */
  private static Predictions rareClass() {
    float[] scores = new float[20];
    boolean[] targets = new boolean[20];
    for (int i = 0; i < 10; i++) {
      scores[2 * i] = i / 10f;            // COMMON: records 5..9 positive
      targets[2 * i] = i >= 5;
      scores[2 * i + 1] = (i * 7 % 10) / 10f;
      targets[2 * i + 1] = i == 3;        // RARE
    }
    return Predictions.of("test", EvalFixtures.multiLabel("COMMON", "RARE"), scores, targets);
  }

  @Test
  void resamplesLackingAPositiveAreRejectedCountedAndRedrawn() {
    // class RARE has one positive (record 3) in 10 records: a resample misses it with chance 0.9^10 = 0.349, so
    // about 1000 · 0.349 / 0.651 ≈ 535 (sd ≈ 29) rejections are expected before 1000 resamples are kept
    Predictions p = rareClass();
    Map<String, WeightedMetric> metrics = new LinkedHashMap<>();
    metrics.put("copies of record 3", weights -> weights[3]);
    metrics.put("rare auc", weights -> RocAuc.weighted(p, 1, weights));
    BootstrapResult result = new Bootstrap(new BootstrapSettings(1000, 0.95, 42)).run(p, metrics);

    // COMMON (5 of 10 positive) is lost far more rarely: 2 · 0.5^10 ≈ 0.2% of resamples
    int rare = result.rejectedBecause().getOrDefault("RARE", 0);
    assertThat(rare).isBetween(400, 700);
    assertThat(result.rejectedBecause().getOrDefault("COMMON", 0)).isLessThan(10);
    assertThat(result.rejected()).isBetween(rare, rare + result.rejectedBecause().getOrDefault("COMMON", 0));
    assertThat(result.interval("copies of record 3").lower()).isGreaterThanOrEqualTo(1); // every kept resample has it
    assertThat(result.interval("rare auc").undefinedResamples()).isZero();
  }

  @Test
  void aFewRejectionsAmongFewResamplesDoNotAbandonRejection() {
    // 5 resamples of the RARE data: a few rejections (about 3), far below the give-up point of 20 per kept
    // resample plus 100, so the benchmark's rejection stays
    Predictions p = rareClass();
    BootstrapResult result = new Bootstrap(new BootstrapSettings(5, 0.95, 42)).run(p, Map.of("auc", RocAuc.macroMetric(p)));
    assertThat(result.rejected()).isBetween(1, 100);
    assertThat(result.rejectionAbandoned()).isFalse();
    assertThat(result.rejectedBecause()).containsKey("RARE");
  }

  @Test
  void abandonsRejectionWhenClassesAreTooRareAndSaysWhich() {
    // 10 classes with one positive each in 20 records: a resample keeps all ten positives about 1% of the time
    int n = 20;
    String[] names = new String[10];
    float[] scores = new float[n * 10];
    boolean[] targets = new boolean[n * 10];
    for (int k = 0; k < 10; k++) {
      names[k] = "C" + k;
      targets[k * 10 + k] = true;
      for (int i = 0; i < n; i++) {
        scores[i * 10 + k] = ((i + k) % 5) / 5f;
      }
    }
    Predictions p = Predictions.of("test", EvalFixtures.multiLabel(names), scores, targets);
    BootstrapResult result = new Bootstrap(new BootstrapSettings(1000, 0.95, 42)).run(p, Map.of("auc", RocAuc.macroMetric(p)));
    assertThat(result.rejectionAbandoned()).isTrue();
    assertThat(result.rejected()).isZero();
    assertThat(result.sparseClasses()).containsExactly("C0", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9");
    // each resample averages the classes it still has both kinds of records of: the interval exists
    ConfidenceInterval auc = result.interval("auc");
    assertThat(auc.undefinedResamples()).isZero();
    assertThat(auc.lower()).isLessThanOrEqualTo(RocAuc.macro(p).value().get()).isGreaterThanOrEqualTo(0);
    assertThat(auc.upper()).isGreaterThanOrEqualTo(RocAuc.macro(p).value().get()).isLessThanOrEqualTo(1);
    // a feasible case keeps the benchmark's rejection and names no sparse class
    Predictions common = EvalFixtures.random("test", 300, 5, PREVALENCE, CLASSES);
    assertThat(new Bootstrap(new BootstrapSettings(200, 0.95, 1)).run(common, Map.of("auc", RocAuc.macroMetric(common)))
        .rejectionAbandoned()).isFalse();
  }

  @Test
  void weightedMetricsEqualMetricsOnMaterializedResamples() {
    // the fast path (weights over one sort) and the generic path (build and sort every resample) see the
    // same random draws, so they must give the same intervals to the last bit
    Predictions p = EvalFixtures.random("test", 300, 5, PREVALENCE, CLASSES);
    Map<String, WeightedMetric> metrics = new LinkedHashMap<>();
    metrics.put("fast auc", RocAuc.macroMetric(p));
    metrics.put("generic auc", WeightedMetric.of(p, q -> RocAuc.macro(q).value().get()));
    metrics.put("fast ap", AveragePrecision.macroMetric(p));
    metrics.put("generic ap", WeightedMetric.of(p, q -> AveragePrecision.macro(q).value().get()));
    BootstrapResult result = new Bootstrap(new BootstrapSettings(100, 0.95, 3)).run(p, metrics);
    assertThat(result.interval("fast auc")).isEqualTo(result.interval("generic auc"));
    assertThat(result.interval("fast ap")).isEqualTo(result.interval("generic ap"));
  }

  @Test
  void quantilesAreNumpyPercentiles() {
    // numpy.percentile([0.3, 0.1, 0.7, 0.55, 0.9, 0.2, 0.45], [2.5, 97.5]) = [0.115, 0.87]
    ConfidenceInterval ci = Bootstrap.interval(new double[] {0.3, 0.1, 0.7, 0.55, 0.9, 0.2, 0.45}, 0.95);
    assertThat(ci.lower()).isCloseTo(0.115, within(1e-12));
    assertThat(ci.upper()).isCloseTo(0.87, within(1e-12));
    ConfidenceInterval withNan = Bootstrap.interval(new double[] {Double.NaN, 0.2, 0.4}, 0.5);
    // finite values [0.2, 0.4]: 25th percentile 0.25, 75th 0.35
    assertThat(withNan.lower()).isCloseTo(0.25, within(1e-12));
    assertThat(withNan.upper()).isCloseTo(0.35, within(1e-12));
    assertThat(withNan.undefinedResamples()).isEqualTo(1);
  }

  @Test
  void aSingleDefinedResampleIsItsOwnIntervalAndNoneGivesNaN() {
    ConfidenceInterval one = Bootstrap.interval(new double[] {Double.NaN, 0.7, Double.NaN}, 0.95);
    assertThat(List.of(one.lower(), one.upper(), (double) one.undefinedResamples())).containsExactly(0.7, 0.7, 2.0);
    ConfidenceInterval none = Bootstrap.interval(new double[] {Double.NaN, Double.NaN}, 0.95);
    assertThat(List.of(none.lower(), none.upper())).allMatch(v -> v.isNaN());
    assertThat(none.undefinedResamples()).isEqualTo(2);
  }

  @Test
  void anIntervalContainsItsBoundsAndNothingOutside() {
    ConfidenceInterval ci = new ConfidenceInterval(0.25, 0.75, 0.95, 0);
    assertThat(ci.contains(0.25)).isTrue();
    assertThat(ci.contains(0.75)).isTrue();
    assertThat(ci.contains(0.5)).isTrue();
    assertThat(ci.contains(Math.nextDown(0.25))).isFalse();
    assertThat(ci.contains(Math.nextUp(0.75))).isFalse();
  }

  @Test
  void aPtbXlSizedTestSplitGetsAnIntervalForEveryMetric() {
    Predictions p = EvalFixtures.random("test", 2200, 6, PREVALENCE, CLASSES);
    BootstrapResult result = new Bootstrap(new BootstrapSettings(1000, 0.95, 42)).run(p, headlineMetrics(p));
    assertThat(result.intervals()).containsOnlyKeys("auc", "ap", "f1", "exact");
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new BootstrapSettings(-1, 0.95, 1)).hasMessageContaining("0 (off) or more");
    assertThatThrownBy(() -> new BootstrapSettings(10, 95, 1)).hasMessageContaining("between 0 and 1 (e.g. 0.95), got 95.0");
    // the bounds themselves are no interval: 0 has no width, 1 would need the extreme resamples
    assertThatThrownBy(() -> new BootstrapSettings(10, 0, 1)).hasMessageContaining("got 0.0");
    assertThatThrownBy(() -> new BootstrapSettings(10, 1, 1)).hasMessageContaining("got 1.0");
    assertThat(new Bootstrap(BootstrapSettings.defaults()).settings()).isEqualTo(BootstrapSettings.defaults());
    assertThat(BootstrapSettings.off().enabled()).isFalse();
    assertThat(List.of(BootstrapSettings.defaults().resamples(), (int) (BootstrapSettings.defaults().confidence() * 100)))
        .containsExactly(1000, 95);
  }
}
