package org.sinus.api.data;

/**
 * Ground truth of where a class shows in a record, for datasets that know it (the synthetic ECG):
 * a {@code [time, channel]} mask that is 1 where the class-defining change was put. Explainers are
 * validated against it.
 */
public interface ClassRegions {

  /**
   * The mask of class {@code label} in record {@code index}, {@code samples × channels} values in
   * {0, 1}, time-major; all zeros if the record does not have the class.
   */
  float[] region(int index, int label);
}
