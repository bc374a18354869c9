package org.sinus.plugins.time;

import org.sinus.api.plugin.ComponentFactory;

import com.typesafe.config.Config;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.config.ComponentConfig;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.plot.SignalPanels;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.representation.SignalFormat;

/**
 * The raw leads as the network's input, {@code [1, window, leads]}: optionally filtered by a
 * zero-phase Butterworth band-pass (baseline wander and high-frequency noise), then standardized
 * with statistics fitted on the training split only: one mean and standard deviation over all
 * values ({@code global}, the PTB-XL benchmark's StandardScaler), one per lead ({@code per-lead}),
 * or none.
 */
public final class TimeRepresentation implements Representation {
  public static final String TYPE = "time";

  /** How values are standardized. */
  public enum Standardize { GLOBAL, PER_LEAD, NONE }

  private final Standardize standardize;
  private final double lowHz;
  private final double highHz;
  private final int order;
  private ButterworthFilter filter;
  private double[] mean = {0};
  private double[] scale = {1};
  private int channels = -1;

  TimeRepresentation(Standardize standardize, double lowHz, double highHz, int order) {
    this.standardize = standardize;
    this.lowHz = lowHz;
    this.highHz = highHz;
    this.order = order;
  }

  /** Builds the representation from {@code representation { type = "time", ... }}. */
  public static final class Factory implements ComponentFactory<Representation> {
    @Override
    public String description() {
      return "raw leads [1, time, leads], optional zero-phase band-pass, standardized on the training split";
    }

    @Override
    public Representation create(ComponentConfig config) {
      String standardize = config.getChoice("standardize", List.of("global", "per-lead", "none"));
      ComponentConfig band = config.child("band-pass");
      double low = band.getDouble("low-hz", 0, 1000);
      double high = band.getDouble("high-hz", 0, 10_000);
      int order = band.getInt("order", 2, 8);
      if (order % 2 != 0) {
        band.problem("order", "must be even (2, 4, 6 or 8): the filter is built of second-order sections");
      }
      if (high > 0 && low >= high) {
        band.problem("low-hz", "the high-pass cut-off " + low + " Hz must be below the low-pass cut-off " + high + " Hz");
      }
      return new TimeRepresentation(Standardize.valueOf(standardize.replace('-', '_').toUpperCase(java.util.Locale.ROOT)),
          low, high, order);
    }
  }

  @Override
  public ExampleShape shape(SignalFormat format, int windowSamples) {
    return new ExampleShape(1, windowSamples, format.channels());
  }

  @Override
  public void prepare(EcgDataset data, DataContext context) {
    filter = new ButterworthFilter(lowHz, highHz, order, data.samplingRate());
    channels = data.leads().size();
  }

  @Override
  public void fit(EcgDataset data, int[] trainIndices, int windowSamples, DataContext context) {
    int leads = data.leads().size();
    int groups = standardize == Standardize.PER_LEAD ? leads : 1;
    double[] sum = new double[groups];
    double[] sumSquares = new double[groups];
    long[] count = new long[groups];
    float[] signal = new float[data.samples() * leads];
    double[] work = new double[filter.workLength(data.samples())];
    for (int index : trainIndices) {
      data.signals().read(index, signal, 0);
      filterAll(signal, data.samples(), work);
      for (int i = 0; i < signal.length; i++) {
        int g = groups == 1 ? 0 : i % leads;
        sum[g] += signal[i];
        sumSquares[g] += (double) signal[i] * signal[i];
        count[g]++;
      }
    }
    mean = new double[groups];
    scale = new double[groups];
    for (int g = 0; g < groups; g++) {
      mean[g] = standardize == Standardize.NONE || count[g] == 0 ? 0 : sum[g] / count[g];
      double variance = count[g] == 0 ? 1 : sumSquares[g] / count[g] - mean[g] * mean[g];
      // population standard deviation, as sklearn's StandardScaler; a flat lead keeps scale 1
      scale[g] = standardize == Standardize.NONE || variance <= 0 ? 1 : Math.sqrt(variance);
    }
  }

  private void filterAll(float[] signal, int samples, double[] work) {
    if (filter.isIdentity()) {
      return;
    }
    for (int lead = 0; lead < channels; lead++) {
      filter.apply(signal, samples, channels, lead, work);
    }
  }

  private final ThreadLocal<double[]> scratch = new ThreadLocal<>();
  private final ThreadLocal<float[]> copy = new ThreadLocal<>();

  @Override
  public void encode(RecordWindow window, float[] out, int offset) {
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
      filterAll(filtered, samples, scratch.get());
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

  @Override
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("standardize", standardize.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    state.put("mean", mean);
    state.put("std", scale);
    return state;
  }

  @Override
  public void restore(Config state) {
    mean = state.getDoubleList("mean").stream().mapToDouble(Double::doubleValue).toArray();
    scale = state.getDoubleList("std").stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public BufferedImage preview(float[] example, ExampleShape shape, SignalFormat format, int windowSamples) {
    String filterText = filter == null || filter.isIdentity() ? "unfiltered"
        : String.format("band-pass %s–%s Hz", lowHz > 0 ? lowHz : "0", highHz > 0 ? highHz : "Nyquist");
    String title = String.format("time representation %s: %s, standardized (%s)", shape, filterText,
        standardize.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    return SignalPanels.standard().render(title, example, format.samplingRate(), 0, format.leads());
  }
}
