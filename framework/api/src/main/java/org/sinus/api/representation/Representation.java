package org.sinus.api.representation;

import org.sinus.api.plugin.ExtensionPoint;
import com.typesafe.config.Config;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;

/**
 * Turns a window of a multichannel signal into the float tensor a model consumes (time domain,
 * spectrum, scalogram, ...). Built from its config block by a factory bound to {@link #POINT}.
 *
 * <p>Lifecycle, all on the main thread except {@link #encode}:
 * <ol>
 *   <li>{@link #prepare} once the dataset is loaded (e.g. build or reuse a per-record cache);</li>
 *   <li>{@link #fit} on the training split only (e.g. normalization statistics), or
 *       {@link #restore} of a saved state when a run is resumed or re-evaluated;</li>
 *   <li>{@link #encode}, from the batch-preparing threads, concurrently.</li>
 * </ol>
 *
 * <p>Example: {@code representation { type = "time", standardize = "global" }} encodes a 2.5 s
 * window of 12 leads at 100 Hz as {@code [1, 250, 12]}, standardized with the mean and standard
 * deviation of the training records.
 */
public interface Representation {
  /** The {@code representation} extension point. */
  ExtensionPoint<Representation> POINT = ExtensionPoint.of("representation", Representation.class,
      "signal windows to the tensors a network reads");

  /** Shape of the example made from a window of {@code windowSamples} samples. */
  ExampleShape shape(SignalFormat format, int windowSamples);

  /** Called once after the dataset is loaded, before {@link #fit}. */
  default void prepare(EcgDataset data, DataContext context) {}

  /** Fits state (normalization) on the records of {@code trainIndices}; never sees other splits. */
  void fit(EcgDataset data, int[] trainIndices, int windowSamples, DataContext context);

  /**
   * Writes the example of a window into {@code out} at {@code offset}, {@link ExampleShape#size()}
   * values in {@code [height, width, channels]} order. Must be safe to call from several threads.
   */
  void encode(RecordWindow window, float[] out, int offset);

  /** State fitted by {@link #fit}, as a JSON-able map saved with the run; empty if stateless. */
  Map<String, Object> state();

  /** Restores what {@link #state()} saved. */
  void restore(Config state);

  /**
   * A picture of an encoded example, so a researcher can check what the model sees
   * ({@code sinus data show}).
   */
  BufferedImage preview(float[] example, ExampleShape shape, SignalFormat format, int windowSamples);
}
