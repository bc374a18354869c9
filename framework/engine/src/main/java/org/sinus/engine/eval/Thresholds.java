package org.sinus.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One decision threshold per class: a record is predicted to have class k when its score is at least
 * {@code values[k]}. Thresholds come from {@link ThresholdTuner} run on the validation split, or are
 * {@linkplain #fixed fixed}; the {@link Evaluator} refuses thresholds tuned on {@code test}.
 *
 * @param classes the classes the thresholds belong to, in order (checked against the predictions)
 * @param values one threshold per class
 * @param tunedOn the split they were tuned on, or null for fixed thresholds
 * @param tuningF1 the F1 each class reached on the tuning split (empty for fixed thresholds)
 * @param notes sentences for the report, e.g. about a class that could not be tuned
 */
public record Thresholds(List<String> classes, double[] values, String tunedOn, List<MetricValue> tuningF1, List<String> notes) {
  public Thresholds {
    classes = List.copyOf(classes);
    values = values.clone();
    tuningF1 = List.copyOf(tuningF1);
    notes = List.copyOf(notes);
    if (values.length != classes.size()) {
      throw new IllegalArgumentException(values.length + " thresholds for " + classes.size() + " classes " + classes);
    }
    if (!tuningF1.isEmpty() && tuningF1.size() != classes.size()) {
      throw new IllegalArgumentException(tuningF1.size() + " tuning F1 values for " + classes.size() + " classes");
    }
    for (int k = 0; k < values.length; k++) {
      if (Double.isNaN(values[k])) {
        throw new IllegalArgumentException("threshold of class " + classes.get(k) + " is NaN");
      }
    }
  }

  /** The same threshold for every class, e.g. 0.5 for probabilities. */
  public static Thresholds fixed(List<String> classes, double threshold) {
    double[] values = new double[classes.size()];
    Arrays.fill(values, threshold);
    return new Thresholds(classes, values, null, List.of(), List.of());
  }

  /** Given thresholds, one per class, not tuned by Sinus. */
  public static Thresholds given(List<String> classes, double... values) {
    return new Thresholds(classes, values, null, List.of(), List.of());
  }

  public double get(int k) {
    return values[k];
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** A sentence on where the thresholds come from, for reports. */
  public String source() {
    if (tunedOn == null) {
      boolean same = Arrays.stream(values).distinct().count() == 1;
      return same ? "fixed at " + values[0] + " for every class" : "given per class";
    }
    return "tuned per class on " + tunedOn + " to maximise F1";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Thresholds t && classes.equals(t.classes) && Arrays.equals(values, t.values)
        && Objects.equals(tunedOn, t.tunedOn) && tuningF1.equals(t.tuningF1) && notes.equals(t.notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classes, Arrays.hashCode(values), tunedOn, tuningF1, notes);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < values.length; k++) {
      parts.add(classes.get(k) + "=" + values[k]);
    }
    return "Thresholds[" + String.join(", ", parts) + "; " + source() + "]";
  }
}
