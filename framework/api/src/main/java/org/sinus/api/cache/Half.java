package org.sinus.api.cache;

/**
 * IEEE 754 binary16 ("half precision") conversions, as Java 20's {@code Float.floatToFloat16} and
 * {@code Float.float16ToFloat} (not available in Java 17): 1 sign, 5 exponent and 10 fraction
 * bits, largest finite value 65504, relative precision 2⁻¹¹ ≈ 4.9e-4 for normal values (|v| ≥
 * 6.1e-5) and an absolute precision of 2⁻²⁵ ≈ 3e-8 below that.
 */
public final class Half {
  /** The largest finite half, 65504. */
  public static final float MAX = 65504f;

  private static final float[] TO_FLOAT = new float[1 << 16];

  static {
    for (int h = 0; h < TO_FLOAT.length; h++) {
      TO_FLOAT[h] = decode((short) h);
    }
  }

  private Half() {}

  /** The float value of a half (a table lookup). */
  public static float toFloat(short half) {
    return TO_FLOAT[half & 0xffff];
  }

  private static float decode(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int fraction = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (fraction << 13));
    }
    if (exponent == 0) {
      // subnormal: fraction · 2⁻²⁴
      float value = fraction * 0x1p-24f;
      return sign == 0 ? value : -value;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (fraction << 13));
  }

  /**
   * The half nearest to {@code value} (ties to even), ±infinity beyond the half range
   * (|value| ≥ 65520), NaN for NaN.
   */
  public static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int magnitude = bits & 0x7fffffff;
    if (magnitude >= 0x7f800000) {
      // infinity or NaN (keep NaN quiet and non-zero)
      return (short) (sign | 0x7c00 | (magnitude > 0x7f800000 ? 0x200 | ((magnitude >>> 13) & 0x3ff) : 0));
    }
    if (magnitude >= 0x477ff000) {
      // ≥ 65520 rounds to infinity
      return (short) (sign | 0x7c00);
    }
    if (magnitude >= 0x38800000) {
      // normal half: rebias the exponent, round the 13 dropped bits to nearest even
      int rebiased = magnitude - (112 << 23);
      int rounded = rebiased + 0xfff + ((rebiased >>> 13) & 1);
      return (short) (sign | (rounded >>> 13));
    }
    if (magnitude < 0x33000000) {
      // below half the smallest subnormal (2⁻²⁵): zero
      return (short) sign;
    }
    // subnormal half: value / 2⁻²⁴ rounded to nearest even integer
    int exponent = magnitude >>> 23;
    int mantissa = (magnitude & 0x7fffff) | 0x800000;
    int shift = 126 - exponent; // the float is mantissa · 2^(exponent − 150); in units of 2⁻²⁴ shift right by 126 − exponent
    int result = mantissa >>> shift;
    int remainder = mantissa & ((1 << shift) - 1);
    int halfway = 1 << (shift - 1);
    if (remainder > halfway || (remainder == halfway && (result & 1) != 0)) {
      result++;
    }
    return (short) (sign | result);
  }
}
