package org.sinus.engine.train;

import org.sinus.api.data.EcgDataset;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.representation.SignalFormat;

/**
 * Turns (record, window start) into the example the model reads: reads the record's signal and
 * lets the representation encode the window. Safe for concurrent use (per-thread signal buffers).
 */
public final class ExampleEncoder {
  private final EcgDataset data;
  private final Representation representation;
  private final int windowSamples;
  private final ExampleShape shape;
  private final ThreadLocal<float[]> signal;

  public ExampleEncoder(EcgDataset data, Representation representation, int windowSamples) {
    this.data = data;
    this.representation = representation;
    this.windowSamples = windowSamples;
    this.shape = representation.shape(format(data), windowSamples);
    int values = data.samples() * data.leads().size();
    this.signal = ThreadLocal.withInitial(() -> new float[values]);
  }

  public static SignalFormat format(EcgDataset data) {
    return new SignalFormat(data.samplingRate(), data.samples(), data.leads());
  }

  public ExampleShape shape() {
    return shape;
  }

  public int windowSamples() {
    return windowSamples;
  }

  public EcgDataset data() {
    return data;
  }

  /** Encodes the window of {@code record} starting at {@code start} into {@code out} at {@code offset}. */
  public void encode(int record, int start, float[] out, int offset) {
    float[] buffer = signal.get();
    data.signals().read(record, buffer, 0);
    representation.encode(new RecordWindow(record, buffer, start, windowSamples), out, offset);
  }
}
