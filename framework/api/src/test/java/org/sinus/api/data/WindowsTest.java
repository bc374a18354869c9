package org.sinus.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WindowsTest {
  @Test
  void benchmarkWindowsOfATenSecondRecord() {
    assertThat(Windows.samples(2.5, 100, 1000)).isEqualTo(250);
    assertThat(Windows.samples(0, 100, 1000)).isEqualTo(1000);
    assertThat(Windows.samples(20, 100, 1000)).isEqualTo(1000);
    assertThat(Windows.slidingStarts(1000, 250, 125)).containsExactly(0, 125, 250, 375, 500, 625, 750);
    assertThat(Windows.slidingStarts(1000, 1000, 125)).containsExactly(0);
    assertThat(Windows.slidingStarts(1000, 300, 200)).containsExactly(0, 200, 400, 600);
  }

  @Test
  void randomCropsNeverDrawTheLastStartAsUpstream() {
    SplittableRandom random = new SplittableRandom(1);
    int[] counts = new int[751];
    for (int i = 0; i < 200_000; i++) {
      counts[Windows.randomStart(random, 1000, 250)]++;
    }
    assertThat(counts[750]).isZero();
    assertThat(Arrays.stream(counts, 0, 750).min().getAsInt()).isPositive();
    assertThat(Windows.randomStart(random, 250, 250)).isZero();
  }
}
