package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {
  @Test
  void stepSumWithoutInterpolation() {
    // scikit-learn's docstring example: ranked 0.8(pos) 0.4(neg) 0.35(pos) 0.1(neg), 2 positives.
    // at 0.8: precision 1/1, recall +1/2; at 0.35: precision 2/3, recall +1/2 → 0.5·1 + 0.5·2/3 = 0.8333...
    MetricValue ap = AveragePrecision.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new boolean[] {false, false, true, true});
    assertThat(ap.get()).isCloseTo(0.5 + 0.5 * 2 / 3.0, within(1e-15));
  }

  @Test
  void tiedRecordsEnterTogether() {
    // 5 positives. Thresholds from the top, (tp, fp) after each: 0.9 (1,0) 0.8 (3,1) 0.5 (4,2) 0.3 (4,4) 0.1 (5,4)
    // AP = 1/5·1 + 2/5·3/4 + 1/5·4/6 + 0 + 1/5·5/9 = 0.2 + 0.3 + 0.1333 + 0.1111 = 0.7444...
    // sklearn average_precision_score: 0.7444444444444445 (sklearn_reference.py "ties ap")
    Predictions p = EvalFixtures.column("test", "NORM", new float[] {0.9f, 0.8f, 0.8f, 0.8f, 0.5f, 0.5f, 0.3f, 0.3f, 0.1f},
        1, 1, 0, 1, 0, 1, 0, 0, 1);
    assertThat(AveragePrecision.of(p, 0).get()).isCloseTo(0.7444444444444445, within(1e-15));
  }

  @Test
  void allPositiveIsOneAndNoPositiveIsUndefined() {
    assertThat(AveragePrecision.of(new float[] {0.3f, 0.1f}, new boolean[] {true, true}).get()).isEqualTo(1.0);
    Predictions none = EvalFixtures.column("test", "HYP", new float[] {0.3f, 0.1f}, 0, 0);
    MetricValue ap = AveragePrecision.of(none, 0);
    assertThat(ap.isDefined()).isFalse();
    assertThat(ap.undefinedReason()).isEqualTo("class HYP has no positive records in test (all 2 are negative); "
        + "its average precision is undefined and left out of the macro average");
  }

  @Test
  void macroLeavesOutClassesWithoutPositives() {
    // NORM: ranked 0.9(pos) 0.5(neg) 0.2(pos) → 1/2·1 + 1/2·2/3 = 5/6; HYP has no positives; CD: 0.7(pos) first → 1
    float[] scores = {0.9f, 0.1f, 0.7f, 0.5f, 0.2f, 0.1f, 0.2f, 0.3f, 0.2f};
    boolean[] targets = {true, false, true, false, false, false, true, false, false};
    Predictions p = Predictions.of("test", EvalFixtures.multiLabel("NORM", "HYP", "CD"), scores, targets);
    MacroAverage macro = AveragePrecision.macro(p);
    assertThat(macro.value().get()).isCloseTo((5 / 6.0 + 1) / 2, within(1e-15));
    assertThat(macro.excluded()).containsOnlyKeys("HYP");
    assertThat(AveragePrecision.macroMetric(p).compute()).isCloseTo(macro.value().get(), within(1e-15));
  }

  @Test
  void weightedEqualsMaterializedResample() {
    Predictions p = EvalFixtures.column("test", "NORM", new float[] {0.9f, 0.8f, 0.8f, 0.8f, 0.5f, 0.5f, 0.3f, 0.3f, 0.1f},
        1, 1, 0, 1, 0, 1, 0, 0, 1);
    int[] weights = {0, 2, 3, 1, 0, 1, 1, 0, 1};
    assertThat(AveragePrecision.weighted(p, 0, weights)).isEqualTo(AveragePrecision.of(p.resample(weights), 0).get());
  }

  @Test
  void theCurveHasAPointPerDistinctScoreAndItsStepsAreTheAveragePrecision() {
    // the ties example: (tp, fp) after each threshold 0.9 (1,0) 0.8 (3,1) 0.5 (4,2) 0.3 (4,4) 0.1 (5,4)
    Predictions p = EvalFixtures.column("test", "NORM", new float[] {0.9f, 0.8f, 0.8f, 0.8f, 0.5f, 0.5f, 0.3f, 0.3f, 0.1f},
        1, 1, 0, 1, 0, 1, 0, 0, 1);
    PrecisionRecallCurve curve = AveragePrecision.curve(p, 0);
    assertThat(curve.recall()).containsExactly(1 / 5.0, 3 / 5.0, 4 / 5.0, 4 / 5.0, 1);
    assertThat(curve.precision()).containsExactly(1, 3 / 4.0, 4 / 6.0, 4 / 8.0, 5 / 9.0);
    assertThat(curve.thresholds()).containsExactly(0.9f, 0.8f, 0.5f, 0.3f, 0.1f);
    assertThat(curve.area()).isCloseTo(AveragePrecision.of(p, 0).get(), within(1e-15));
    Predictions none = EvalFixtures.column("test", "HYP", new float[] {0.3f, 0.1f}, 0, 0);
    assertThatThrownBy(() -> AveragePrecision.curve(none, 0))
        .hasMessageContaining("class HYP has no positive records in test");
  }
}
