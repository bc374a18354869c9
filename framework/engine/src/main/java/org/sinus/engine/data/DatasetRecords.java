package org.sinus.engine.data;

import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.data.Split;
import org.sinus.api.representation.RecordSet;

/**
 * Some records of a loaded dataset as a representation may see them: signals only, no labels,
 * nothing outside the given indices.
 */
public final class DatasetRecords implements RecordSet {
  private final EcgDataset data;
  private final int[] indices;
  private final SignalFormat format;

  public DatasetRecords(EcgDataset data, int[] indices) {
    this.data = data;
    this.indices = indices.clone();
    this.format = formatOf(data);
  }

  /** The records of one split. */
  public static DatasetRecords of(EcgDataset data, Split split) {
    return new DatasetRecords(data, data.indices(split));
  }

  public static SignalFormat formatOf(EcgDataset data) {
    return new SignalFormat(data.samplingRate(), data.samples(), data.leads());
  }

  @Override
  public SignalFormat format() {
    return format;
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public int index(int i) {
    return indices[i];
  }

  @Override
  public void read(int i, float[] out) {
    data.signals().read(indices[i], out, 0);
  }
}
