package org.sinus.testkit;

import java.util.stream.IntStream;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.Representation;
import org.sinus.engine.data.DatasetRecords;

/** Fits representations on test datasets as a run does: on the training split only. */
public final class Fitting {
  private Fitting() {}

  /** What a run would give the representation for {@code data} and windows of {@code windowSamples}. */
  public static FitContext context(EcgDataset data, int windowSamples, DataContext context) {
    return new FitContext(DatasetRecords.formatOf(data), windowSamples, Math.max(1, windowSamples / 2), context,
        data.name(), data.name() + "|" + data.source() + "|" + data.fingerprint());
  }

  /** The records of one split, as a representation sees them. */
  public static RecordSet records(EcgDataset data, Split split) {
    return DatasetRecords.of(data, split);
  }

  /** Every record of {@code data}, as a representation sees them. */
  public static RecordSet allRecords(EcgDataset data) {
    return new DatasetRecords(data, IntStream.range(0, data.size()).toArray());
  }

  /** {@code representation} fitted on the training split of {@code data}. */
  public static FittedRepresentation fit(Representation representation, EcgDataset data, int windowSamples,
                                         DataContext context) {
    return representation.fit(records(data, Split.TRAIN), context(data, windowSamples, context));
  }
}
