package org.example.sinus.derivative;

import com.typesafe.config.Config;
import java.util.List;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.Representation;
import org.sinus.api.data.SignalFormat;

/**
 * The rate of change of every lead, {@code (x[t + step] − x[t]) / step}, as {@code [1, window,
 * leads]}: a view that stresses the steep QRS complex over slow waves and removes baseline
 * offsets. The last {@code step} samples of a window have no later sample inside the window and
 * use the samples after it where the record has them (else 0). Optionally standardized per lead on
 * the training records.
 *
 * @param step samples between the two values of a difference
 * @param perSecond whether differences are divided by the step's duration
 * @param standardize whether each lead is standardized (mean and deviation of its differences)
 * @param stepKey where {@code step} was set, for the check against the window's length
 */
public record Derivative(int step, boolean perSecond, boolean standardize, ConfigKey stepKey) implements Representation {
  public static final String TYPE = "derivative";

  /** Builds the representation from {@code representation { type = "derivative", ... }}. */
  public static final class Factory implements ComponentFactory<Representation> {
    @Override
    public String description() {
      return "rate of change of every lead [1, time, leads], standardized per lead on the training split";
    }

    @Override
    public Representation create(ComponentConfig config) {
      return new Derivative(config.getInt("step", 1, 1000), config.getBoolean("per-second"),
          config.getChoice("standardize", List.of("per-lead", "none")).equals("per-lead"), config.key("step"));
    }
  }

  @Override
  public ExampleShape shape(SignalFormat format, int windowSamples) {
    if (step >= windowSamples) {
      throw stepKey.problem(step + " samples is not shorter than the " + windowSamples + "-sample window");
    }
    return new ExampleShape(1, windowSamples, format.channels());
  }

  @Override
  public FittedRepresentation fit(RecordSet training, FitContext context) {
    SignalFormat format = context.format();
    shape(format, context.windowSamples());
    int leads = format.channels();
    double[] sum = new double[leads];
    double[] sumSquares = new double[leads];
    long count = 0;
    float[] signal = new float[format.samples() * leads];
    double scale = scale(format);
    for (int r = 0; r < training.size(); r++) {
      training.read(r, signal);
      for (int t = 0; t + step < format.samples(); t++) {
        for (int lead = 0; lead < leads; lead++) {
          double d = (signal[(t + step) * leads + lead] - signal[t * leads + lead]) * scale;
          sum[lead] += d;
          sumSquares[lead] += d * d;
        }
      }
      count += Math.max(0, format.samples() - step);
    }
    double[] mean = new double[leads];
    double[] std = new double[leads];
    for (int lead = 0; lead < leads; lead++) {
      mean[lead] = !standardize || count == 0 ? 0 : sum[lead] / count;
      double variance = count == 0 ? 1 : sumSquares[lead] / count - mean[lead] * mean[lead];
      std[lead] = !standardize || variance <= 0 ? 1 : Math.sqrt(variance);
    }
    return new FittedDerivative(this, format, context.windowSamples(), mean, std);
  }

  @Override
  public FittedRepresentation restore(Config state, FitContext context) {
    shape(context.format(), context.windowSamples());
    return new FittedDerivative(this, context.format(), context.windowSamples(), doubles(state, "mean"),
        doubles(state, "std"));
  }

  /** What a difference is multiplied by: 1 / step, in samples or in seconds. */
  double scale(SignalFormat format) {
    return perSecond ? format.samplingRate() / (double) step : 1.0 / step;
  }

  private static double[] doubles(Config state, String key) {
    return state.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
  }
}
