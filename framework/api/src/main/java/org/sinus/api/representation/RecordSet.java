package org.sinus.api.representation;

import org.sinus.api.data.SignalFormat;

/**
 * Records a representation may read: the training records when it is fitted, the records of a
 * split before they are encoded ({@link FittedRepresentation#precompute}). It sees nothing else
 * of the dataset, in particular no labels and no records of other splits.
 */
public interface RecordSet {

  /** The format of every record. */
  SignalFormat format();

  /** Number of records. */
  int size();

  /** The dataset's index of the {@code i}-th record: a stable key for per-record caches. */
  int index(int i);

  /** Copies the {@code i}-th record's whole signal, {@code samples × leads} values time-major, into {@code out}. */
  void read(int i, float[] out);
}
