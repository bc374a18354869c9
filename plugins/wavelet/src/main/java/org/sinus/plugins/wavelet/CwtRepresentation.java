package org.sinus.plugins.wavelet;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.cache.CachePlan;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.representation.CachedRepresentation;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.Representation;

/**
 * Wavelet scalograms: the continuous wavelet transform of each whole record (Morlet, Mexican hat,
 * Paul or PyWavelets' {@code morl}, at scales spaced between two frequencies), as magnitude, power
 * or real part, optionally logged, cached on disk per set of records and settings, then cropped to
 * each window, normalized with statistics of the training split, and optionally resized in time.
 * The example is {@code [scales, time, leads]} (leads as channels) or {@code [leads × scales,
 * time, 1]} (one single-channel image per lead, stacked along the height: rows
 * {@code l·scales ... (l+1)·scales − 1} are lead l).
 *
 * <p>{@link #fit} fits the signal standardization on the training records, builds (or reuses) the
 * scalogram cache of those records (keyed by the data, the settings and that standardization; see
 * {@link ScalogramCache}), and fits the scalogram normalization on it. The cache is built after the
 * signal standardization is fitted because the scalogram depends on it nonlinearly (log of
 * magnitudes). The {@link FittedCwt} it returns caches other splits when told to
 * ({@link FittedCwt#precompute}) and computes the scalogram of any other signal when it encodes
 * it, so edge effects of large scales come from the record's ends, never from the crop's (as in
 * the peer reference, which transforms whole standardized records and crops).
 *
 * <p>Example (the peer reference {@code cwt_cnn2d}): {@code representation { type = "cwt",
 * wavelet = "pywt-morl", scales { count = 32, min-hz = 0.5, max-hz = 40, spacing = "log" },
 * standardize = "global", value = "magnitude", log = "log1p", normalize = "lead-scale" }} turns a
 * 2.5 s window at 100 Hz into {@code [32, 250, 12]}.
 *
 * @param settings what the config block says
 * @param maxHzKey where {@code scales.max-hz} was set (checked against the data's Nyquist frequency)
 * @param poolKey where {@code pool} was set (checked against the window and record lengths)
 */
public record CwtRepresentation(CwtSettings settings, ConfigKey maxHzKey, ConfigKey poolKey)
    implements Representation, CachedRepresentation {
  private static final Logger LOG = Logger.getLogger(CwtRepresentation.class.getName());
  public static final String TYPE = "cwt";

  /** Builds the representation from {@code representation { type = "cwt", ... }}. */
  public static final class Factory implements ComponentFactory<Representation> {
    @Override
    public String description() {
      return "wavelet scalogram [scales, time, leads] (Morlet/Mexican hat/Paul CWT by FFT), cached on disk, "
          + "normalized on the training split";
    }

    @Override
    public Representation create(ComponentConfig config) {
      // "scales.max-hz" as a dotted key: a second child("scales") would be a block whose keys were never read
      return new CwtRepresentation(CwtSettings.read(config), config.key("scales.max-hz"), config.key("pool"));
    }
  }

  @Override
  public ExampleShape shape(SignalFormat format, int windowSamples) {
    double nyquist = format.samplingRate() / 2.0;
    if (settings.maxHz() > nyquist) {
      throw maxHzKey.problem(settings.maxHz() + " Hz is above the Nyquist frequency of the data, " + nyquist
          + " Hz at " + format.samplingRate() + " Hz");
    }
    if (settings.pool() > windowSamples) {
      throw poolKey.problem(settings.pool() + " samples are more than the " + windowSamples + "-sample window");
    }
    int columns = settings.columns(windowSamples);
    return settings.layout() == CwtSettings.Layout.CHANNELS
        ? new ExampleShape(settings.scaleCount(), columns, format.channels())
        : new ExampleShape(format.channels() * settings.scaleCount(), columns, 1);
  }

  @Override
  public FittedRepresentation fit(RecordSet training, FitContext context) {
    shape(context.format(), context.windowSamples());
    double[][] standardization = SignalStatistics.standardization(training, settings.standardize());
    FittedCwt unnormalized = unnormalized(context, standardization);
    ScalogramCache.Result cache = unnormalized.cacheOf(training);
    ScalogramStatistics statistics = ScalogramStatistics.fit(cache.file(), settings.normalize(), settings.scaleCount(),
        unnormalized.computer().columns(), context.format().channels(), unnormalized.coneOfInfluence(),
        context.data());
    FittedCwt fitted = new FittedCwt(settings, context, standardization[0], standardization[1], statistics);
    fitted.use(training, cache);
    LOG.info(String.format(Locale.ROOT, "cwt: %s; signal standardization (%s) mean %s, std %s; scalogram "
            + "normalization (%s) fitted on %d training records: mean %s, std %s", settings.describe(),
        CwtSettings.id(settings.standardize()), range(standardization[0]), range(standardization[1]),
        CwtSettings.id(settings.normalize()), training.size(), range(statistics.means()), range(statistics.stds())));
    return fitted;
  }

  /**
   * The scalogram caches of the training records and of {@code others}, under the signal standardization
   * fitted on the training records: the files {@link #fit} and {@link FittedCwt#precompute} open.
   */
  @Override
  public List<CachePlan> cachePlans(RecordSet training, List<RecordSet> others, FitContext context) {
    shape(context.format(), context.windowSamples());
    FittedCwt unnormalized = unnormalized(context,
        SignalStatistics.standardization(training, settings.standardize()));
    List<CachePlan> plans = new ArrayList<>();
    plans.add(unnormalized.cachePlan(training));
    others.forEach(records -> plans.add(unnormalized.cachePlan(records)));
    return plans;
  }

  /** Standardizes signals as fitted, leaves scalograms unnormalized: what the caches hold. */
  private FittedCwt unnormalized(FitContext context, double[][] standardization) {
    return new FittedCwt(settings, context, standardization[0], standardization[1],
        ScalogramStatistics.identity(settings.scaleCount(), context.format().channels()));
  }

  @Override
  public FittedRepresentation restore(Config state, FitContext context) {
    shape(context.format(), context.windowSamples());
    String standardize = state.getString("standardize");
    String normalize = state.getString("normalize");
    if (!standardize.equals(CwtSettings.id(settings.standardize())) || !normalize.equals(CwtSettings.id(settings.normalize()))) {
      throw new SinusException(ExitCode.RUN, "the saved cwt state was fitted with standardize = " + standardize
          + " and normalize = " + normalize + ", but the experiment says " + CwtSettings.id(settings.standardize())
          + " and " + CwtSettings.id(settings.normalize()));
    }
    ScalogramStatistics statistics;
    try {
      statistics = new ScalogramStatistics(settings.normalize(), settings.scaleCount(), context.format().channels(),
          doubles(state, "mean"), doubles(state, "std"));
    } catch (IllegalArgumentException e) {
      throw new SinusException(ExitCode.RUN, "the saved cwt state does not fit this data: " + e.getMessage(), e);
    }
    return new FittedCwt(settings, context, doubles(state, "signal_mean"), doubles(state, "signal_std"), statistics);
  }

  private static double[] doubles(Config state, String key) {
    return state.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String range(double[] values) {
    double min = Arrays.stream(values).min().orElse(Double.NaN);
    double max = Arrays.stream(values).max().orElse(Double.NaN);
    return min == max ? String.format(Locale.ROOT, "%.6g", min) : String.format(Locale.ROOT, "[%.4g, %.4g]", min, max);
  }
}
