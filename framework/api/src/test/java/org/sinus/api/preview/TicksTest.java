package org.sinus.api.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicksTest {

  @Test
  void picksStepsOfOneTwoOrFiveTimesAPowerOfTen() {
    Ticks ticks = Ticks.inside(0, 0.93, 5);
    assertThat(ticks.values()).containsExactly(0, 0.2, 0.4, 0.6, 0.8);
    assertThat(ticks.labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8");

    assertThat(Ticks.inside(0, 100, 5).values()).containsExactly(0, 20, 40, 60, 80, 100);
    assertThat(Ticks.inside(-1, 1, 4).values()).containsExactly(-1, -0.5, 0, 0.5, 1);
    assertThat(Ticks.inside(0.31, 0.87, 5).values()).containsExactly(0.4, 0.5, 0.6, 0.7, 0.8);
    assertThat(Ticks.inside(1200, 7300, 5).labels())
        .containsExactly("2000", "3000", "4000", "5000", "6000", "7000");
    assertThat(Ticks.format(1.5e-6, 1e-6)).isEqualTo("1.5e-06");
  }

  @Test
  void niceStepRoundsToTheNearestNiceNumber() {
    assertThat(Ticks.niceStep(0.186)).isEqualTo(0.2);
    assertThat(Ticks.niceStep(0.14)).isEqualTo(0.1);
    assertThat(Ticks.niceStep(3.2)).isEqualTo(5);
    assertThat(Ticks.niceStep(7.5)).isEqualTo(10);
    assertThat(Ticks.niceStep(1234)).isEqualTo(1000);
  }

  @Test
  void valuesHaveNoFloatingPointNoise() {
    // 3 × 0.1 is 0.30000000000000004 in binary floating point
    assertThat(Ticks.inside(0, 0.5, 5).values()).containsExactly(0, 0.1, 0.2, 0.3, 0.4, 0.5);
    assertThat(Ticks.inside(0, 0.5, 5).labels()).containsExactly("0.0", "0.1", "0.2", "0.3", "0.4", "0.5");
  }

  @Test
  void integerAxesNeverStepByLessThanOne() {
    assertThat(Ticks.inside(1, 3, 10, true).values()).containsExactly(1, 2, 3);
    assertThat(Ticks.inside(1, 3, 10, false).values()).hasSize(11);
    assertThat(Ticks.inside(1, 50, 5, true).values()).containsExactly(10, 20, 30, 40, 50);
  }

  @Test
  void formatsWithTheDecimalsTheStepNeeds() {
    assertThat(Ticks.format(0.4, 0.2)).isEqualTo("0.4");
    assertThat(Ticks.format(0.25, 0.05)).isEqualTo("0.25");
    assertThat(Ticks.format(1500, 500)).isEqualTo("1500");
    assertThat(Ticks.format(-1e-17, 0.1)).isEqualTo("0.0");
    assertThat(Ticks.format(-0.0, 1)).isEqualTo("0");
    assertThat(Ticks.format(1, 0.2)).isEqualTo("1.0");
    assertThat(Ticks.format(2e-6, 1e-6)).isEqualTo("2e-06");
    assertThat(Ticks.format(3e7, 1e7)).isEqualTo("30000000");
    assertThat(Ticks.format(3e9, 1e9)).isEqualTo("3e+09");
  }

  @Test
  void degenerateAndBadRanges() {
    assertThat(Ticks.inside(2, 2, 5).values()).containsExactly(2);
    assertThat(Ticks.inside(5, 0, 5).values()).containsExactly(0, 1, 2, 3, 4, 5);
    // narrower than one nice step and between two multiples: one tick in the middle
    assertThat(Ticks.inside(0.101, 0.109, 1).values()).hasSize(1);
    assertThatThrownBy(() -> Ticks.inside(0, Double.NaN, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    assertThatThrownBy(() -> Ticks.inside(0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
