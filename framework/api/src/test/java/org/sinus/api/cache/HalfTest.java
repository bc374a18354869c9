package org.sinus.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HalfTest {
  @Test
  void knownValues() {
    // IEEE 754 binary16 bit patterns
    assertThat(Half.fromFloat(1f)).isEqualTo((short) 0x3c00);
    assertThat(Half.fromFloat(-2f)).isEqualTo((short) 0xc000);
    assertThat(Half.fromFloat(65504f)).isEqualTo((short) 0x7bff);
    assertThat(Half.fromFloat(0x1p-14f)).isEqualTo((short) 0x0400);   // smallest normal
    assertThat(Half.fromFloat(0x1p-24f)).isEqualTo((short) 0x0001);   // smallest subnormal
    assertThat(Half.fromFloat(0.1f)).isEqualTo((short) 0x2e66);
    assertThat(Half.fromFloat(-0f)).isEqualTo((short) 0x8000);
    assertThat(Half.fromFloat(65520f)).isEqualTo((short) 0x7c00);     // the tie above 65504 rounds to infinity
    assertThat(Half.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xfc00);
    assertThat(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN)))).isTrue();
    assertThat(Half.toFloat((short) 0x3555)).isEqualTo(0.33325195f);
  }

  @Test
  void everyHalfRoundTripsAndMidpointsRoundToEven() {
    for (int bits = 0; bits < 0x10000; bits++) {
      short half = (short) bits;
      float value = Half.toFloat(half);
      if (Float.isNaN(value)) {
        continue;
      }
      assertThat(Half.fromFloat(value)).as("half 0x%04x = %s", bits, value).isEqualTo(half);
      int exponent = (bits >>> 10) & 0x1f;
      if (exponent == 0x1f || (bits & 0x7fff) == 0x7bff) {
        continue;
      }
      // the float halfway to the next half of larger magnitude rounds to whichever of the two is even
      float next = Half.toFloat((short) (bits + 1));
      float midpoint = (float) (((double) value + next) / 2);
      short expected = (bits & 1) == 0 ? half : (short) (bits + 1);
      assertThat(Half.fromFloat(midpoint)).as("midpoint above 0x%04x", bits).isEqualTo(expected);
      // just inside the halfway point rounds to the nearer half
      float below = Math.nextAfter(midpoint, value);
      float above = Math.nextAfter(midpoint, next);
      assertThat(Half.fromFloat(below)).isEqualTo(half);
      assertThat(Half.fromFloat(above)).isEqualTo((short) (bits + 1));
    }
  }

  @Test
  void relativeErrorIsAtMostTwoToTheMinusEleven() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 100_000; i++) {
      float value = (float) Math.exp(random.nextDouble(Math.log(6.2e-5), Math.log(65000)));
      float stored = Half.toFloat(Half.fromFloat(value));
      assertThat(Math.abs(stored - value) / value).isLessThanOrEqualTo(0x1p-11f);
    }
  }
}
