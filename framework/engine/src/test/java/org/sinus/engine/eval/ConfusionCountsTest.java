package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Confusion counts at a threshold, with and without weights, and the rates made from them, 0/0 included. */
class ConfusionCountsTest {
  private final Predictions p = EvalFixtures.column("test", "MI", new float[] {0.9f, 0.6f, 0.5f, 0.4f, 0.2f, 0.7f},
      1, 0, 1, 1, 0, 0);

  @Test
  void countsAtThresholdWithScoreEqualToThresholdPositive() {
    // threshold 0.5: predicted positive 0.9(pos) 0.6(neg) 0.5(pos) 0.7(neg) → TP 2 FP 2; 0.4(pos) FN; 0.2(neg) TN
    ConfusionCounts c = ConfusionCounts.at(p, 0, 0.5);
    assertThat(c).isEqualTo(new ConfusionCounts(2, 2, 1, 1));
    assertThat(c.precision().get()).isEqualTo(0.5);           // 2 / 4
    assertThat(c.recall().get()).isEqualTo(2 / 3.0);          // 2 / 3
    assertThat(c.specificity().get()).isEqualTo(1 / 3.0);     // 1 / 3
    assertThat(c.f1().get()).isEqualTo(4 / 7.0);              // 2·2 / (2·2 + 2 + 1)
    assertThat(c.accuracy()).isEqualTo(0.5);                  // (2 + 1) / 6
  }

  @Test
  void weightsMultiplyRecords() {
    // weights: 0.9(pos)×3 → TP 3; 0.4(pos)×2 → FN 2; the rest out
    ConfusionCounts c = ConfusionCounts.at(p, 0, 0.5, new int[] {3, 0, 0, 2, 0, 0});
    assertThat(c).isEqualTo(new ConfusionCounts(3, 0, 0, 2));
  }

  @Test
  void sumsAndRatesUseTheRightCounts() {
    // TP 3, FP 1, TN 1, FN 3: equal TP and FN, equal TN and FP, so a difference where a sum belongs shows
    ConfusionCounts c = new ConfusionCounts(3, 1, 1, 3);
    assertThat(c.positives()).isEqualTo(6);
    assertThat(c.predictedPositives()).isEqualTo(4);
    assertThat(c.total()).isEqualTo(8);
    assertThat(c.recall().get()).isEqualTo(0.5);
    assertThat(c.specificity().get()).isEqualTo(0.5);
    assertThat(c.precision().get()).isEqualTo(0.75);
  }

  @Test
  void zeroDenominatorsAreUndefinedNotZero() {
    ConfusionCounts nothing = new ConfusionCounts(0, 0, 5, 0);
    assertThat(nothing.precision().undefinedReason()).contains("no record is predicted positive");
    assertThat(nothing.recall().undefinedReason()).contains("no record is positive");
    assertThat(nothing.f1().undefinedReason()).contains("0/0");
    // false alarms without any positive: F1 is a well-defined 0
    assertThat(new ConfusionCounts(0, 2, 3, 0).f1().get()).isZero();
  }
}
