package org.sinus.api.preview;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis's title and ticks.
 *
 * @param label the axis title; may be empty
 * @param ticks the ticks; may be empty
 */
public record Axis(String label, List<Tick> ticks) {
  public Axis {
    label = label == null ? "" : label;
    ticks = List.copyOf(ticks);
  }

  /** No title, no ticks. */
  public static Axis none() {
    return new Axis("", List.of());
  }

  /**
   * An axis over {@code cells} cells whose centres are evenly spaced from {@code first} (cell 0)
   * to {@code last} (the last cell), with ticks at nice values, e.g. seconds.
   */
  public static Axis linear(String label, int cells, double first, double last) {
    return linear(label, cells, first, last, Math.max(2, Math.min(6, cells)));
  }

  /** Like {@link #linear(String, int, double, double)} with about {@code target} ticks. */
  public static Axis linear(String label, int cells, double first, double last, int target) {
    checkCells(label, cells);
    if (cells == 1 || first == last) {
      return new Axis(label, List.of(new Tick((cells - 1) / 2.0, Ticks.format(first, 0))));
    }
    Ticks ticks = Ticks.inside(Math.min(first, last), Math.max(first, last), target);
    List<Tick> out = new ArrayList<>();
    for (double value : ticks.values()) {
      out.add(new Tick((value - first) / (last - first) * (cells - 1), ticks.label(value)));
    }
    return new Axis(label, out);
  }

  /**
   * An axis over {@code cells} cells whose centres are geometrically spaced from {@code first}
   * (cell 0) to {@code last} (the last cell), both positive, e.g. the frequencies of a wavelet
   * scalogram; ticks at 1, 2 and 5 times powers of ten (only powers of ten if that gives too
   * many).
   */
  public static Axis logarithmic(String label, int cells, double first, double last) {
    checkCells(label, cells);
    if (!(first > 0) || !(last > 0) || !Double.isFinite(first) || !Double.isFinite(last)) {
      throw new IllegalArgumentException("logarithmic axis '" + label + "' needs positive ends, got "
          + first + " and " + last);
    }
    if (cells == 1 || first == last) {
      return new Axis(label, List.of(new Tick((cells - 1) / 2.0, Ticks.format(first, first))));
    }
    double low = Math.min(first, last);
    double high = Math.max(first, last);
    List<Double> values = new ArrayList<>();
    for (double multiplier : new double[] {1, 2, 5}) {
      for (int exponent = (int) Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high));
          exponent++) {
        double value = multiplier * Math.pow(10, exponent);
        if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) {
          values.add(value);
        }
      }
    }
    if (values.size() > 8) {
      values.removeIf(v -> Math.abs(Math.log10(v) - Math.rint(Math.log10(v))) > 1e-9);
    }
    values.sort(Double::compare);
    List<Tick> out = new ArrayList<>();
    double span = Math.log(last / first);
    for (double value : values) {
      double cell = Math.log(value / first) / span * (cells - 1);
      double magnitude = Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
      out.add(new Tick(cell, Ticks.format(value, magnitude)));
    }
    return new Axis(label, out);
  }

  /** An axis with the caller's ticks. */
  public static Axis of(String label, List<Tick> ticks) {
    return new Axis(label, ticks);
  }

  private static void checkCells(String label, int cells) {
    if (cells < 1) {
      throw new IllegalArgumentException("axis '" + label + "' needs at least one cell, got " + cells);
    }
  }
}
