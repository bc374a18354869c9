package org.sinus.api.data;

import java.util.Arrays;

/**
 * Metadata of one record.
 *
 * @param id the dataset's identifier of the record (PTB-XL: the {@code ecg_id})
 * @param fold the cross-validation fold the dataset assigns (PTB-XL: {@code strat_fold})
 * @param labels indices into the dataset's {@link LabelSpace} of the classes present, ascending
 */
public record RecordInfo(String id, int fold, int[] labels) {
  public RecordInfo {
    labels = labels.clone();
    Arrays.sort(labels);
  }

  public boolean has(int label) {
    return Arrays.binarySearch(labels, label) >= 0;
  }

  /** Multi-hot target row. */
  public void target(float[] out, int offset, int classes) {
    Arrays.fill(out, offset, offset + classes, 0f);
    for (int label : labels) {
      out[offset + label] = 1f;
    }
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordInfo r && r.id.equals(id) && r.fold == fold && Arrays.equals(r.labels, labels);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "RecordInfo[" + id + ", fold " + fold + ", labels " + Arrays.toString(labels) + "]";
  }
}
