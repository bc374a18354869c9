package org.sinus.plugins.time;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.preview.Preview;
import org.sinus.api.preview.SignalPreview;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.GraphEncodable;
import org.sinus.api.representation.Previewable;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.SignalProjection;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The {@code time} representation fitted on the training records: the filter and the
 * standardization's means and scales (one, or one per lead). Example values are window samples,
 * so relevance maps back to the signal one to one.
 */
final class FittedTime implements FittedRepresentation, Previewable, SignalProjection, GraphEncodable {
  private final TimeRepresentation settings;
  private final ButterworthFilter filter;
  private final SignalFormat format;
  private final ExampleShape shape;
  private final double[] mean;
  private final double[] scale;
  private final ThreadLocal<double[]> scratch = new ThreadLocal<>();
  private final ThreadLocal<float[]> copy = new ThreadLocal<>();

  FittedTime(TimeRepresentation settings, ButterworthFilter filter, SignalFormat format, int windowSamples,
             double[] mean, double[] scale) {
    this.settings = settings;
    this.filter = filter;
    this.format = format;
    this.shape = new ExampleShape(1, windowSamples, format.channels());
    this.mean = mean.clone();
    this.scale = scale.clone();
  }

  static void filterAll(ButterworthFilter filter, float[] signal, int samples, int channels, double[] work) {
    if (filter.isIdentity()) {
      return;
    }
    for (int lead = 0; lead < channels; lead++) {
      filter.apply(signal, samples, channels, lead, work);
    }
  }

  @Override
  public ExampleShape shape() {
    return shape;
  }

  @Override
  public void encode(RecordWindow window, float[] out, int offset) {
    int channels = format.channels();
    float[] signal = window.signal();
    int samples = signal.length / channels;
    if (!filter.isIdentity()) {
      float[] filtered = copy.get();
      if (filtered == null || filtered.length != signal.length) {
        filtered = new float[signal.length];
        copy.set(filtered);
        scratch.set(new double[filter.workLength(samples)]);
      }
      System.arraycopy(signal, 0, filtered, 0, signal.length);
      filterAll(filter, filtered, samples, channels, scratch.get());
      signal = filtered;
    }
    int from = window.start() * channels;
    int values = window.length() * channels;
    if (mean.length == 1) {
      float m = (float) mean[0];
      float inverse = (float) (1 / scale[0]);
      for (int i = 0; i < values; i++) {
        out[offset + i] = (signal[from + i] - m) * inverse;
      }
    } else {
      for (int i = 0; i < values; i++) {
        int lead = i % channels;
        out[offset + i] = (float) ((signal[from + i] - mean[lead]) / scale[lead]);
      }
    }
  }

  /** Standardization only: a band-pass filter runs over the whole record and is not expressed in graph ops. */
  @Override
  public Optional<Operand<TFloat32>> encodeInGraph(Ops tf, Operand<TFloat32> windows) {
    if (!filter.isIdentity()) {
      return Optional.empty();
    }
    float[] means = new float[mean.length];
    float[] inverses = new float[scale.length];
    for (int i = 0; i < mean.length; i++) {
      means[i] = (float) mean[i];
      inverses[i] = (float) (1 / scale[i]);
    }
    Operand<TFloat32> standardized = tf.math.mul(tf.math.sub(windows, tf.constant(means)),
        tf.constant(inverses));                                                         // [n, window, leads]
    return Optional.of(tf.reshape(standardized, tf.constant(new long[] {-1, 1, shape.width(),
        shape.channels()})));                                                           // [n, 1, window, leads]
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("standardize", settings.standardize().id());
    state.put("mean", mean.clone());
    state.put("std", scale.clone());
    return state;
  }

  @Override
  public Preview preview(float[] example, double startSeconds) {
    String title = String.format("time representation %s: %s, standardized (%s)", shape, settings.filterText(),
        settings.standardize().id());
    return new SignalPreview(title, example, format.samplingRate(), startSeconds, format.leads());
  }

  /** The example is the window, sample by sample and lead by lead. */
  @Override
  public float[] toSignal(float[] relevance, int windowSamples) {
    return relevance.clone();
  }
}
