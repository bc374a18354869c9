package org.sinus.engine.eval;

/**
 * A metric's value, or the reason it has none. A class with only positive (or only negative) records has
 * no ROC AUC, for instance; reports print the reason instead of a silent NaN.
 *
 * @param value the value, NaN when undefined
 * @param undefinedReason null when defined; otherwise a sentence for the reader
 */
public record MetricValue(double value, String undefinedReason) {
  public MetricValue {
    if (undefinedReason == null && Double.isNaN(value)) {
      throw new IllegalArgumentException("a defined metric value cannot be NaN; give the reason it is undefined");
    }
    if (undefinedReason != null) {
      value = Double.NaN;
    }
  }

  public static MetricValue of(double value) {
    return new MetricValue(value, null);
  }

  public static MetricValue undefined(String reason) {
    return new MetricValue(Double.NaN, reason);
  }

  public boolean isDefined() {
    return undefinedReason == null;
  }

  /**
   * The value.
   *
   * @throws IllegalStateException with the reason, if the value is undefined
   */
  public double get() {
    if (undefinedReason != null) {
      throw new IllegalStateException(undefinedReason);
    }
    return value;
  }

  @Override
  public String toString() {
    return isDefined() ? String.valueOf(value) : "undefined (" + undefinedReason + ")";
  }
}
