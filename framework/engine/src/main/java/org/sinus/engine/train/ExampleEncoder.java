package org.sinus.engine.train;

import java.util.List;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordWindow;

/**
 * Turns (record, window start) into the examples the model reads, one per input: reads the
 * record's signal once and lets every input's representation encode the window. Safe for
 * concurrent use (per-thread signal buffers).
 */
public final class ExampleEncoder {
  private final EcgDataset data;
  private final FittedInputs inputs;
  private final List<FittedRepresentation> representations;
  private final int[] sizes;
  private final int windowSamples;
  private final ThreadLocal<float[]> signal;

  public ExampleEncoder(EcgDataset data, FittedInputs inputs, int windowSamples) {
    this.data = data;
    this.inputs = inputs;
    this.representations = inputs.representations();
    this.sizes = inputs.shapes().values().stream().mapToInt(ExampleShape::size).toArray();
    this.windowSamples = windowSamples;
    int values = data.samples() * data.leads().size();
    this.signal = ThreadLocal.withInitial(() -> new float[values]);
  }

  public FittedInputs inputs() {
    return inputs;
  }

  /** Values of one example of input {@code k}. */
  public int size(int k) {
    return sizes[k];
  }

  public int windowSamples() {
    return windowSamples;
  }

  public EcgDataset data() {
    return data;
  }

  /** Arrays for {@code count} examples of every input, in input order. */
  public float[][] allocate(int count) {
    float[][] out = new float[sizes.length][];
    for (int k = 0; k < sizes.length; k++) {
      out[k] = new float[count * sizes[k]];
    }
    return out;
  }

  /**
   * Encodes the window of {@code record} starting at {@code start} as example {@code example} of
   * every input: into {@code out[k]} at {@code example × size(k)}.
   */
  public void encode(int record, int start, float[][] out, int example) {
    float[] buffer = signal.get();
    data.signals().read(record, buffer, 0);
    RecordWindow window = new RecordWindow(record, buffer, start, windowSamples);
    for (int k = 0; k < sizes.length; k++) {
      representations.get(k).encode(window, out[k], example * sizes[k]);
    }
  }
}
