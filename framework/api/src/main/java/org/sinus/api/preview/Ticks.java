package org.sinus.api.preview;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Axis tick positions at "nice" numbers: multiples of 1, 2 or 5 times a power of ten (Heckbert,
 * <i>Nice numbers for graph labels</i>, Graphics Gems 1990), lying inside the axis range.
 *
 * <p>Example: {@code Ticks.inside(0, 0.93, 5)} gives 0, 0.2, 0.4, 0.6, 0.8 with labels
 * {@code "0.0", "0.2", …, "0.8"}.
 *
 * @param values the tick positions, ascending
 * @param step the distance between neighbouring ticks
 */
public record Ticks(double[] values, double step) {

  public Ticks {
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /**
   * Ticks at multiples of a nice step inside {@code [min, max]}, about {@code target} of them (the
   * step is the nice number closest to {@code (max - min) / target}).
   *
   * @throws IllegalArgumentException if the range is not finite or {@code target < 1}
   */
  public static Ticks inside(double min, double max, int target) {
    return inside(min, max, target, false);
  }

  /**
   * Like {@link #inside(double, double, int)}; with {@code integers} the step is at least 1, for
   * axes of counts such as epochs.
   */
  public static Ticks inside(double min, double max, int target, boolean integers) {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("axis range must be finite, got [" + min + ", " + max + "]");
    }
    if (target < 1) {
      throw new IllegalArgumentException("target tick count must be at least 1, got " + target);
    }
    if (max < min) {
      double swap = min;
      min = max;
      max = swap;
    }
    if (max == min) {
      return new Ticks(new double[] {min}, 0);
    }
    double step = niceStep((max - min) / target);
    if (integers) {
      step = Math.max(1, Math.rint(step));
    }
    // tolerate rounding error at the ends: 0.1 * 3 is 0.30000000000000004
    double slack = step * 1e-9;
    long first = (long) Math.ceil((min - slack) / step);
    long last = (long) Math.floor((max + slack) / step);
    List<Double> values = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      values.add(clean(k * step, step));
    }
    if (values.isEmpty()) {
      // a range narrower than one step around a non-multiple: show its middle
      values.add((min + max) / 2);
    }
    return new Ticks(values.stream().mapToDouble(Double::doubleValue).toArray(), step);
  }

  /** The nice number (1, 2 or 5 times a power of ten) closest to {@code rough}. */
  public static double niceStep(double rough) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      throw new IllegalArgumentException("tick step must be positive and finite, got " + rough);
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / magnitude;
    double nice;
    if (fraction < 1.5) {
      nice = 1;
    } else if (fraction < 3) {
      nice = 2;
    } else if (fraction < 7) {
      nice = 5;
    } else {
      nice = 10;
    }
    return nice * magnitude;
  }

  /** The text of each tick, with as many decimals as the step needs and no more. */
  public List<String> labels() {
    List<String> labels = new ArrayList<>(values.length);
    for (double value : values) {
      labels.add(label(value));
    }
    return labels;
  }

  /** The text of {@code value} in this tick set's precision. */
  public String label(double value) {
    return format(value, step);
  }

  /**
   * Formats {@code value} with the decimals that {@code step} needs, so that all labels of an axis
   * have the same number of decimals: {@code format(0.4, 0.2)} is "0.4", {@code format(1, 0.2)} is
   * "1.0", {@code format(1500, 500)} is "1500", {@code format(2e-6, 1e-6)} is "2e-06". Zero is never
   * written "-0".
   */
  public static String format(double value, double step) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "-∞";
    }
    if (step > 0 && Math.abs(value) < step * 1e-6) {
      value = 0; // float noise around zero, e.g. 0.1 + 0.2 - 0.3
    }
    double magnitude = Math.max(Math.abs(value), Math.abs(step));
    if (magnitude != 0 && (magnitude >= 1e9 || magnitude < 1e-4)) {
      if (value == 0) {
        return "0";
      }
      // 2.00e-06 -> 2e-06, 1.50e-06 -> 1.5e-06
      return String.format(Locale.ROOT, "%.3g", value).replaceFirst("\\.?0+e", "e");
    }
    int decimals = step > 0 ? decimals(step) : 3;
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    return text.startsWith("-") && Double.parseDouble(text) == 0 ? text.substring(1) : text;
  }

  /** Decimals needed to write multiples of {@code step} exactly (0.25 → 2, 0.2 → 1, 5 → 0). */
  private static int decimals(double step) {
    BigDecimal exact = new BigDecimal(Double.toString(step)).stripTrailingZeros();
    // round away float noise such as 0.30000000000000004 before counting digits
    exact = exact.round(new MathContext(6)).stripTrailingZeros();
    return Math.max(0, Math.min(10, exact.scale()));
  }

  /** Rounds {@code k * step} to the step's precision so that 3 × 0.1 is 0.3. */
  private static double clean(double value, double step) {
    double scale = Math.pow(10, decimals(step));
    return Math.rint(value * scale) / scale;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ticks t && Arrays.equals(t.values, values) && t.step == step;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Double.hashCode(step);
  }

  @Override
  public String toString() {
    return "Ticks" + labels();
  }
}
