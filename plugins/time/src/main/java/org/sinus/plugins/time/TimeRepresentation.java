package org.sinus.plugins.time;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Locale;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.Representation;

/**
 * The raw leads as the network's input, {@code [1, window, leads]}: optionally filtered by a
 * zero-phase Butterworth band-pass (baseline wander and high-frequency noise), then standardized
 * with statistics fitted on the training split only: one mean and standard deviation over all
 * values ({@code global}, the PTB-XL benchmark's StandardScaler), one per lead ({@code per-lead}),
 * or none.
 *
 * @param standardize how values are standardized
 * @param lowHz high-pass cut-off, 0 = none
 * @param highHz low-pass cut-off, 0 = none
 * @param order Butterworth order of each part
 * @param highHzKey where {@code band-pass.high-hz} was set, for the check against the data's Nyquist frequency
 */
public record TimeRepresentation(Standardize standardize, double lowHz, double highHz, int order, ConfigKey highHzKey)
    implements Representation {
  public static final String TYPE = "time";

  /** How values are standardized. */
  public enum Standardize {
    GLOBAL, PER_LEAD, NONE;

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
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
      return new TimeRepresentation(Standardize.valueOf(standardize.replace('-', '_').toUpperCase(Locale.ROOT)),
          low, high, order, band.key("high-hz"));
    }
  }

  @Override
  public ExampleShape shape(SignalFormat format, int windowSamples) {
    double nyquist = format.samplingRate() / 2.0;
    if (highHz > 0 && highHz >= nyquist) {
      throw highHzKey.problem(highHz + " Hz is not below the Nyquist frequency of the data, " + nyquist + " Hz at "
          + format.samplingRate() + " Hz; lower it or set it to 0 (no low-pass)");
    }
    return new ExampleShape(1, windowSamples, format.channels());
  }

  @Override
  public FittedRepresentation fit(RecordSet training, FitContext context) {
    SignalFormat format = context.format();
    ButterworthFilter filter = filter(format);
    int leads = format.channels();
    int groups = standardize == Standardize.PER_LEAD ? leads : 1;
    double[] sum = new double[groups];
    double[] sumSquares = new double[groups];
    long[] count = new long[groups];
    float[] signal = new float[format.samples() * leads];
    double[] work = new double[filter.workLength(format.samples())];
    for (int r = 0; r < training.size(); r++) {
      training.read(r, signal);
      FittedTime.filterAll(filter, signal, format.samples(), leads, work);
      for (int i = 0; i < signal.length; i++) {
        int g = groups == 1 ? 0 : i % leads;
        sum[g] += signal[i];
        sumSquares[g] += (double) signal[i] * signal[i];
        count[g]++;
      }
    }
    double[] mean = new double[groups];
    double[] scale = new double[groups];
    for (int g = 0; g < groups; g++) {
      mean[g] = standardize == Standardize.NONE || count[g] == 0 ? 0 : sum[g] / count[g];
      double variance = count[g] == 0 ? 1 : sumSquares[g] / count[g] - mean[g] * mean[g];
      // population standard deviation, as sklearn's StandardScaler; a flat lead keeps scale 1
      scale[g] = standardize == Standardize.NONE || variance <= 0 ? 1 : Math.sqrt(variance);
    }
    return new FittedTime(this, filter, format, context.windowSamples(), mean, scale);
  }

  @Override
  public FittedRepresentation restore(Config state, FitContext context) {
    double[] mean = state.getDoubleList("mean").stream().mapToDouble(Double::doubleValue).toArray();
    double[] scale = state.getDoubleList("std").stream().mapToDouble(Double::doubleValue).toArray();
    int groups = standardize == Standardize.PER_LEAD ? context.format().channels() : 1;
    if (mean.length != groups || scale.length != groups) {
      throw new IllegalArgumentException("the saved time representation state has " + mean.length + " means and "
          + scale.length + " deviations, but standardize = " + standardize.id() + " on " + context.format().channels()
          + " leads needs " + groups);
    }
    return new FittedTime(this, filter(context.format()), context.format(), context.windowSamples(), mean, scale);
  }

  private ButterworthFilter filter(SignalFormat format) {
    shape(format, 1);
    return new ButterworthFilter(lowHz, highHz, order, format.samplingRate());
  }

  /** How the preview titles the filter. */
  String filterText() {
    return lowHz == 0 && highHz == 0 ? "unfiltered"
        : String.format(Locale.ROOT, "band-pass %s–%s Hz", lowHz > 0 ? lowHz : "0", highHz > 0 ? highHz : "Nyquist");
  }
}
