package org.sinus.engine.explain.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
  @Test
  void agreesWithScipyOnValuesWithTies() {
    // scipy.stats.spearmanr([3,1,4,1,5,9,2,6], [2,7,1,8,2,8,1,8]).correlation
    float[] a = {3, 1, 4, 1, 5, 9, 2, 6};
    float[] b = {2, 7, 1, 8, 2, 8, 1, 8};
    assertThat(RankCorrelation.spearman(a, b)).isCloseTo(0.19885368120992467, within(1e-12));
  }

  @Test
  void isOneForAMonotoneTransformAndMinusOneForAReversal() {
    float[] a = {0.1f, 5, -2, 3};
    assertThat(RankCorrelation.spearman(a, new float[] {1, 50, -20, 30})).isCloseTo(1, within(1e-12));
    assertThat(RankCorrelation.spearman(a, new float[] {-1, -50, 20, -30})).isCloseTo(-1, within(1e-12));
  }

  @Test
  void tiesGetMidRanksAndAConstantAttributionCorrelatesWithNothing() {
    assertThat(RankCorrelation.ranks(new float[] {2, 1, 2, 3})).containsExactly(2.5, 1, 2.5, 4);
    assertThat(RankCorrelation.spearman(new float[] {1, 1, 1}, new float[] {1, 2, 3})).isZero();
    assertThat(RankCorrelation.magnitudes(new float[] {-2, 1})).containsExactly(2, 1);
  }
}
