package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdMetricsTest {
  // 4 records × 3 classes, thresholds 0.5 for A and B, 0.3 for C
  private final Predictions p = Predictions.of("test", EvalFixtures.multiLabel("A", "B", "C"),
      new float[] {
          0.9f, 0.2f, 0.4f,   // predicted {A, C}  true {A, C}  → exact
          0.6f, 0.7f, 0.1f,   // predicted {A, B}  true {B}     → A wrong
          0.1f, 0.4f, 0.2f,   // predicted {}      true {}      → exact
          0.3f, 0.8f, 0.5f},  // predicted {B, C}  true {A, B}  → A and C wrong
      new boolean[] {
          true, false, true,
          false, true, false,
          false, false, false,
          true, true, false});
  private final Thresholds thresholds = Thresholds.given(List.of("A", "B", "C"), 0.5, 0.5, 0.3);

  @Test
  void exactMatchNeedsEveryLabelRight() {
    assertThat(ThresholdMetrics.exactMatch(p, thresholds)).isEqualTo(0.5); // records 1 and 3 of 4
    // weights {0, 1, 2, 0}: 1 wrong + 2 × exact → 2/3
    assertThat(ThresholdMetrics.exactMatchMetric(p, thresholds).compute(new int[] {0, 1, 2, 0})).isEqualTo(2 / 3.0);
  }

  @Test
  void macroF1AveragesClasses() {
    // A: TP 1 (r0), FP 1 (r1), FN 1 (r3) → 2/4; B: TP 2 (r1, r3) → 1; C: TP 1 (r0), FP 1 (r3) → 2/3
    List<ConfusionCounts> counts = ThresholdMetrics.counts(p, thresholds);
    assertThat(counts).containsExactly(new ConfusionCounts(1, 1, 1, 1), new ConfusionCounts(2, 0, 2, 0),
        new ConfusionCounts(1, 1, 2, 0));
    assertThat(ThresholdMetrics.macroF1(p, thresholds).value().get()).isEqualTo((0.5 + 1 + 2 / 3.0) / 3);
    assertThat(ThresholdMetrics.macroF1Metric(p, thresholds).compute()).isEqualTo((0.5 + 1 + 2 / 3.0) / 3);
  }

  @Test
  void classNeitherPresentNorPredictedIsLeftOutOfMacroF1() {
    Thresholds high = Thresholds.given(List.of("A", "B", "C"), 0.5, 0.5, 0.95); // C: no positives, none predicted
    Predictions noC = Predictions.of("test", EvalFixtures.multiLabel("A", "B", "C"),
        new float[] {0.9f, 0.2f, 0.4f, 0.6f, 0.7f, 0.1f}, new boolean[] {true, false, false, false, true, false});
    MacroAverage macro = ThresholdMetrics.macroF1(noC, high);
    // A: TP 1 FP 1 → 2/3; B: TP 1 → 1
    assertThat(macro.value().get()).isEqualTo((2 / 3.0 + 1) / 2);
    assertThat(macro.excluded().get("C")).isEqualTo("class C in test: no record is positive and none is predicted "
        + "positive, so F1 2TP/(2TP+FP+FN) is 0/0; left out of the macro F1");
  }

  @Test
  void thresholdsForOtherClassesAreRefused() {
    assertThatThrownBy(() -> ThresholdMetrics.counts(p, Thresholds.fixed(List.of("A", "C", "B"), 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thresholds are for classes [A, C, B] but the test predictions have classes [A, B, C]");
  }
}
