package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ArgmaxMetricsTest {
  // sklearn_reference.py "single-label argmax": 8 records, 3 classes
  static final float[] PROBS = {
      0.7f, 0.2f, 0.1f,
      0.1f, 0.8f, 0.1f,
      0.3f, 0.3f, 0.4f,
      0.5f, 0.4f, 0.1f,
      0.2f, 0.5f, 0.3f,
      0.1f, 0.1f, 0.8f,
      0.4f, 0.4f, 0.2f,   // tie between 0 and 1: argmax takes 0, as numpy
      0.3f, 0.6f, 0.1f};
  static final int[] TRUTH = {0, 1, 2, 1, 1, 0, 1, 2};

  private final Predictions p = Predictions.ofClassIndices("test", EvalFixtures.singleLabel("A", "B", "C"), PROBS, TRUTH);

  @Test
  void matchesSklearn() {
    // numpy argmax [0, 1, 2, 0, 1, 2, 0, 1]; sklearn accuracy 0.5, f1 per class [0.4, 0.5714285714285715, 0.5],
    // macro f1 0.4904761904761905
    assertThat(ArgmaxMetrics.predictedClasses(p)).containsExactly(0, 1, 2, 0, 1, 2, 0, 1);
    assertThat(ArgmaxMetrics.accuracy(p)).isEqualTo(0.5);
    double[] f1 = {0.4, 0.5714285714285715, 0.5};
    for (int k = 0; k < 3; k++) {
      assertThat(ArgmaxMetrics.counts(p).get(k).f1().get()).isCloseTo(f1[k], within(1e-15)); // 4/7 rounds differently
    }
    assertThat(ArgmaxMetrics.macroF1(p).value().get()).isCloseTo(0.4904761904761905, within(1e-15));
    assertThat(ArgmaxMetrics.macroF1Metric(p).compute()).isCloseTo(0.4904761904761905, within(1e-15));
  }

  @Test
  void confusionMatrixRowsAreTrueClasses() {
    // true A: r0→A, r5→C; true B: r1→B, r3→A, r4→B, r6→A; true C: r2→C, r7→B
    assertThat(ArgmaxMetrics.confusionMatrix(p)).isDeepEqualTo(new long[][] {{1, 0, 1}, {2, 2, 0}, {0, 1, 1}});
    // class A one-vs-rest: TP 1, FP 2 (r3, r6), FN 1 (r5), TN 4 → F1 2/(2+2+1) = 0.4
    assertThat(ArgmaxMetrics.counts(p).get(0)).isEqualTo(new ConfusionCounts(1, 2, 4, 1));
  }

  @Test
  void weightedAccuracyCountsRepeats() {
    // r0 right ×3, r3 wrong ×1 → 3/4
    assertThat(ArgmaxMetrics.accuracyMetric(p).compute(new int[] {3, 0, 0, 1, 0, 0, 0, 0})).isEqualTo(0.75);
  }

  @Test
  void multiLabelTaskIsRefused() {
    Predictions multi = Predictions.ofClassIndices("test", EvalFixtures.multiLabel("A", "B", "C"), PROBS, TRUTH);
    assertThatThrownBy(() -> ArgmaxMetrics.accuracy(multi)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task 'test-task' is multi-label");
  }
}
