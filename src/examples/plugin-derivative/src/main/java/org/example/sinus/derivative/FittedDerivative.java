package org.example.sinus.derivative;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sinus.api.preview.Preview;
import org.sinus.api.preview.SignalPreview;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Previewable;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.representation.SignalProjection;

/**
 * The derivative representation with the per-lead mean and deviation fitted on the training
 * records. It draws its examples as curves ({@link Previewable}) and gives each difference's
 * relevance to its two samples ({@link SignalProjection}).
 */
final class FittedDerivative implements FittedRepresentation, Previewable, SignalProjection {
  private final Derivative settings;
  private final SignalFormat format;
  private final ExampleShape shape;
  private final double[] mean;
  private final double[] std;
  private final double scale;

  FittedDerivative(Derivative settings, SignalFormat format, int windowSamples, double[] mean, double[] std) {
    if (mean.length != format.channels() || std.length != format.channels()) {
      throw new IllegalArgumentException("a derivative state for " + mean.length + " leads, the data has "
          + format.channels());
    }
    this.settings = settings;
    this.format = format;
    this.shape = new ExampleShape(1, windowSamples, format.channels());
    this.mean = mean.clone();
    this.std = std.clone();
    this.scale = settings.scale(format);
  }

  @Override
  public ExampleShape shape() {
    return shape;
  }

  @Override
  public void encode(RecordWindow window, float[] out, int offset) {
    float[] signal = window.signal();
    int leads = format.channels();
    int samples = signal.length / leads;
    int step = settings.step();
    for (int t = 0; t < window.length(); t++) {
      int at = window.start() + t;
      for (int lead = 0; lead < leads; lead++) {
        double d = at + step < samples ? (signal[(at + step) * leads + lead] - signal[at * leads + lead]) * scale : 0;
        out[offset + t * leads + lead] = (float) ((d - mean[lead]) / std[lead]);
      }
    }
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("mean", mean.clone());
    state.put("std", std.clone());
    return state;
  }

  @Override
  public Preview preview(float[] example, double startSeconds) {
    return new SignalPreview("derivative " + shape + " (step " + settings.step() + ", standardized per lead)", example,
        format.samplingRate(), startSeconds, format.leads());
  }

  /** A difference x[t + step] − x[t] shares its relevance between its two samples. */
  @Override
  public float[] toSignal(float[] relevance, int windowSamples) {
    int leads = format.channels();
    int step = settings.step();
    float[] signal = new float[windowSamples * leads];
    for (int t = 0; t < windowSamples; t++) {
      int later = Math.min(t + step, windowSamples - 1);
      for (int lead = 0; lead < leads; lead++) {
        float half = relevance[t * leads + lead] / 2;
        signal[t * leads + lead] += half;
        signal[later * leads + lead] += half;
      }
    }
    return signal;
  }
}
