package org.sinus.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochPlanTest {
  @Test
  void epochPlansDependOnlyOnSeedAndEpoch() {
    int[] train = {3, 5, 8, 13, 21, 34, 55, 89};
    EpochPlan first = EpochPlan.of(7, 2, train, 1000, 250);
    EpochPlan again = EpochPlan.of(7, 2, train, 1000, 250);
    EpochPlan next = EpochPlan.of(7, 3, train, 1000, 250);
    assertThat(first.records()).containsExactly(again.records());
    assertThat(first.starts()).containsExactly(again.starts());
    assertThat(first.records()).containsExactlyInAnyOrder(train);
    assertThat(first.records()).isNotEqualTo(next.records());
    assertThat(EpochPlan.steps(1490, 128, true)).isEqualTo(11);
    assertThat(EpochPlan.steps(1490, 128, false)).isEqualTo(12);
  }
}
