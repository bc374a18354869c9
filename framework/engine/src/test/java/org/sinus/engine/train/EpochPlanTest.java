package org.sinus.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An epoch's plan depends only on the seed and the epoch, and is the same from one version to the next
 * (runs published with a seed stay reproducible); the step count rounds as documented.
 */
class EpochPlanTest {
  private static final int[] PINNED_RECORDS = {5, 13, 8, 34, 89, 55, 3, 21};
  private static final int[] PINNED_STARTS = {604, 463, 77, 393, 87, 199, 95, 232};

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

  @Test
  void anExactMultipleOfTheBatchSizeHasNoPartialStep() {
    assertThat(EpochPlan.steps(1280, 128, false)).isEqualTo(10);
    assertThat(EpochPlan.steps(1280, 128, true)).isEqualTo(10);
    assertThat(EpochPlan.steps(1281, 128, false)).isEqualTo(11);
    assertThat(EpochPlan.steps(127, 128, true)).isZero();
  }

  @Test
  void theSeedMixIsSplitMix64AndStaysSo() {
    // values computed outside Java (Python, 64-bit wrap-around) from the formula in EpochPlan.mix: the
    // SplitMix64 finalizer of seed·0x9E3779B97F4A7C15 + epoch·0xBF58476D1CE4E5B9 + 0x94D049BB133111EB
    assertThat(EpochPlan.mix(0, 0)).isEqualTo(2902805962516761537L);
    assertThat(EpochPlan.mix(7, 2)).isEqualTo(-8804732819419248310L);
    assertThat(EpochPlan.mix(42, 1)).isEqualTo(2437307716543670631L);
    assertThat(EpochPlan.mix(-1, 5)).isEqualTo(2837671191331254444L);
  }

  @Test
  void theShuffleAndCropsOfASeedArePinned() {
    // recorded from this implementation (SplittableRandom seeded with mix, Fisher–Yates from the end, then
    // one crop per record): a change here changes the batches of every published seed
    EpochPlan plan = EpochPlan.of(7, 2, new int[] {3, 5, 8, 13, 21, 34, 55, 89}, 1000, 250);
    assertThat(plan.records()).containsExactly(PINNED_RECORDS);
    assertThat(plan.starts()).containsExactly(PINNED_STARTS);
  }
}
