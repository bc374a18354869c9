package org.sinus.api.data;

import java.util.Optional;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.plugin.ExtensionPoint;

/**
 * A source of labelled multichannel recordings, built from its config block by a
 * factory bound to {@link #POINT}. Creating it only reads settings; {@link #load} does the work.
 *
 * <p>Example: {@code dataset { type = "ptbxl", path = "/data/ptb-xl", task = "superdiagnostic" }}
 * gives a dataset whose {@code load} reads PhysioNet's CSV files and WFDB records.
 */
public interface Dataset {
  /** The {@code dataset} extension point. */
  ExtensionPoint<Dataset> POINT = ExtensionPoint.of("dataset", Dataset.class,
      "sources of labelled multichannel recordings");

  /**
   * Reads the metadata and makes the signals available (on the heap or from a memory-mapped cache,
   * as the dataset sees fit). Called once per command, on the main thread.
   */
  EcgDataset load(DataContext context);

  /** A stable text that identifies the data this dataset reads (path, rate, task), for provenance. */
  String describe();

  /**
   * The sampling rate, record length and leads of the records {@link #load} will give, when the
   * settings alone say it. Then settings of other blocks that contradict the data (a low-pass
   * cut-off above the Nyquist frequency, a crop longer than the records) are reported by
   * {@code sinus validate}, before anything is loaded; otherwise they are checked once the data is
   * loaded, still before any training step. Empty by default.
   */
  default Optional<SignalFormat> format() {
    return Optional.empty();
  }
}
