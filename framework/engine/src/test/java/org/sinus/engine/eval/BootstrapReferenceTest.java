package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap intervals of macro and per-class AUC equal those of {@link ReferenceBootstrap}, a plain
 * percentile bootstrap over lists of drawn records that uses the same documented random stream, on fixed
 * data: with rejection (the rare class makes a third of the resamples rejected) and with rejection
 * abandoned. Equal intervals need the same records drawn, the same resamples rejected and the same
 * percentiles, so this checks the resampling, the rejection rule and the quantiles together.
 */
class BootstrapReferenceTest {
  private static final double EPS = 1e-12;

  // 12 records × 4 classes. AF: 5 positives, ties at 0.35 and 0.62 across positives and negatives; RARE: one
  // positive (record 5); MOSTLY: two negatives (records 3 and 6); NONE: no positive, so it is never checked.
  private static final String[] CLASSES = {"AF", "RARE", "MOSTLY", "NONE"};
  private static final float[] SCORES = {
      0.91f, 0.10f, 0.80f, 0.05f,
      0.35f, 0.20f, 0.75f, 0.10f,
      0.62f, 0.55f, 0.80f, 0.15f,
      0.35f, 0.05f, 0.20f, 0.05f,
      0.10f, 0.20f, 0.90f, 0.30f,
      0.78f, 0.85f, 0.65f, 0.20f,
      0.35f, 0.30f, 0.40f, 0.10f,
      0.50f, 0.20f, 0.95f, 0.25f,
      0.05f, 0.60f, 0.40f, 0.05f,
      0.88f, 0.15f, 0.30f, 0.40f,
      0.62f, 0.20f, 0.70f, 0.10f,
      0.20f, 0.45f, 0.85f, 0.05f};
  private static final int[] LABELS = {
      1, 0, 1, 0,
      0, 0, 1, 0,
      1, 0, 1, 0,
      0, 0, 0, 0,
      0, 0, 1, 0,
      1, 1, 1, 0,
      1, 0, 0, 0,
      0, 0, 1, 0,
      0, 0, 1, 0,
      1, 0, 1, 0,
      0, 0, 1, 0,
      0, 0, 1, 0};

  @Test
  void intervalsWithRejectionMatchThePlainBootstrap() {
    Predictions p = Predictions.of("test", EvalFixtures.multiLabel(CLASSES), SCORES, flags(LABELS));
    ReferenceBootstrap reference = reference(SCORES, flags(LABELS), CLASSES);
    for (BootstrapSettings settings : new BootstrapSettings[] {
        new BootstrapSettings(400, 0.95, 7), new BootstrapSettings(300, 0.8, 2024)}) {
      BootstrapResult result = new Bootstrap(settings).run(p, aucMetrics(p));
      ReferenceBootstrap.Outcome expected = reference.run(settings.resamples(), settings.confidence(), settings.seed(), true);

      assertThat(expected.rejected()).as("the data makes resamples rejected").isGreaterThan(settings.resamples() / 4);
      assertThat(result.rejectionAbandoned()).as("rejection abandoned with %s", settings).isFalse();
      assertThat(result.rejected()).as("rejected with %s", settings).isEqualTo(expected.rejected());
      assertThat(result.rejectedBecause()).as("rejected per class with %s", settings).isEqualTo(expected.rejectedBecause());
      assertSameIntervals(result, expected, settings);
    }
  }

  @Test
  void intervalsWithRejectionAbandonedMatchThePlainBootstrapWithoutRejection() {
    // 20 records, 8 classes with one positive each (class k's is record k): a resample keeps all eight about
    // 0.64⁸ ≈ 3% of the time, so rejection is abandoned and every resample counts
    int n = 20;
    String[] classes = new String[8];
    float[] scores = new float[n * classes.length];
    boolean[] targets = new boolean[n * classes.length];
    for (int k = 0; k < classes.length; k++) {
      classes[k] = "C" + k;
      targets[k * classes.length + k] = true;
      for (int i = 0; i < n; i++) {
        scores[i * classes.length + k] = ((i * 3 + k) % 7) / 7f;
      }
    }
    Predictions p = Predictions.of("test", EvalFixtures.multiLabel(classes), scores, targets);
    BootstrapSettings settings = new BootstrapSettings(500, 0.95, 11);
    BootstrapResult result = new Bootstrap(settings).run(p, aucMetrics(p));
    ReferenceBootstrap.Outcome expected = reference(scores, targets, classes).run(500, 0.95, 11, false);

    assertThat(result.rejectionAbandoned()).as("rejection abandoned").isTrue();
    assertThat(result.rejected()).as("rejected").isZero();
    assertThat(expected.intervals().get("C0").undefinedResamples()).as("resamples without C0's positive").isPositive();
    assertSameIntervals(result, expected, settings);
  }

  /** Macro AUC under the reference's key, and the AUC of every class that has one, under its name. */
  private static Map<String, WeightedMetric> aucMetrics(Predictions p) {
    Map<String, WeightedMetric> metrics = new LinkedHashMap<>();
    metrics.put(ReferenceBootstrap.MACRO, RocAuc.macroMetric(p));
    for (int k : RocAuc.definedClasses(p)) {
      metrics.put(p.classes().get(k), weights -> RocAuc.weighted(p, k, weights));
    }
    return metrics;
  }

  private static void assertSameIntervals(BootstrapResult result, ReferenceBootstrap.Outcome expected,
      BootstrapSettings settings) {
    assertThat(result.intervals()).as("metrics with intervals").containsOnlyKeys(expected.intervals().keySet());
    expected.intervals().forEach((name, want) -> {
      ConfidenceInterval got = result.interval(name);
      assertThat(got.lower()).as("%s lower bound with %s", name, settings).isCloseTo(want.lower(), within(EPS));
      assertThat(got.upper()).as("%s upper bound with %s", name, settings).isCloseTo(want.upper(), within(EPS));
      assertThat(got.undefinedResamples()).as("%s undefined resamples with %s", name, settings)
          .isEqualTo(want.undefinedResamples());
    });
  }

  /** The reference bootstrap over row-major scores and targets. */
  private static ReferenceBootstrap reference(float[] scores, boolean[] targets, String[] classes) {
    int k = classes.length;
    int n = scores.length / k;
    float[][] byClass = new float[k][n];
    boolean[][] targetsByClass = new boolean[k][n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        byClass[c][i] = scores[i * k + c];
        targetsByClass[c][i] = targets[i * k + c];
      }
    }
    return new ReferenceBootstrap(classes, byClass, targetsByClass);
  }

  private static boolean[] flags(int[] labels) {
    boolean[] flags = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      flags[i] = labels[i] == 1;
    }
    return flags;
  }
}
