package org.sinus.plugins.fft;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Locale;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.data.Windows;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.Representation;

/**
 * The spectrum of every lead, by a real FFT of all leads at once ({@link LeadFft}: SIMD across the
 * leads with the Vector API, or JTransforms per lead): of the whole window, or of short-time frames
 * (an STFT, so that the example has a time axis to attend over). Each frame is tapered (Hann,
 * Hamming or none); the magnitude is kept linear or as {@code log(|X| + ε)}, optionally with
 * the phase; a band limit keeps only the bins between two frequencies. Statistics for
 * standardizing the signal (one mean and deviation over all values) and the features (one per
 * lead, bin and part) are fitted on the training records only.
 *
 * <p>Example, the PyTorch peer's STFT front-end: {@code representation { type = "fft", frame-length
 * = 64, hop = 16, center = true, taper = "hann", magnitude = "log" }} turns a 2.5 s window at
 * 100 Hz (250 samples) into 16 frames × 33 bins (0 to 50 Hz, 1.5625 Hz apart) per lead, laid out
 * as {@code [1, 16, 12 × 33]}; see {@link SpectrumLayout} for the order of the values.
 *
 * <p>{@link #fit} returns a {@link FittedFft}, which encodes windows.
 */
public final class FftRepresentation implements Representation {
  public static final String TYPE = "fft";

  private final FftSettings settings;
  private final ConfigKey frameLengthKey;
  private final ConfigKey bandKey;

  /** The representation of {@code settings}, not from a config block (tests, benchmarks). */
  public FftRepresentation(FftSettings settings) {
    this(settings, new ConfigKey("representation.frame-length", "(settings)"),
        new ConfigKey("representation.band", "(settings)"));
  }

  /**
   * @param frameLengthKey where {@code frame-length} was set, for settings that do not fit the window
   * @param bandKey where {@code band} was set, for a band that keeps no frequency bin
   */
  public FftRepresentation(FftSettings settings, ConfigKey frameLengthKey, ConfigKey bandKey) {
    this.settings = settings;
    this.frameLengthKey = frameLengthKey;
    this.bandKey = bandKey;
  }

  public FftSettings settings() {
    return settings;
  }

  /** Builds the representation from {@code representation { type = "fft", ... }}. */
  public static final class Factory implements ComponentFactory<Representation> {
    @Override
    public String description() {
      return "per-lead real FFT (SIMD across leads, or JTransforms) of the window or of short-time frames: taper, linear or log "
          + "magnitude, optional phase and band limit, standardized on the training split; the PyTorch peer's STFT "
          + "(Hann 64, hop 16, log) by default";
    }

    @Override
    public Representation create(ComponentConfig config) {
      boolean standardizeSignal = config.getChoice("signal-standardize", List.of("global", "none")).equals("global");
      int frameLength = config.getInt("frame-length", 0, 1 << 20);
      int hop = config.getInt("hop", 1, 1 << 20);
      boolean center = config.getBoolean("center");
      Taper taper = Taper.valueOf(config.getChoice("taper", List.of("hann", "hamming", "none"))
          .toUpperCase(Locale.ROOT));
      boolean log = config.getChoice("magnitude", List.of("log", "linear")).equals("log");
      double epsilon = config.getDouble("log-epsilon", 0, 1e6);
      if (log && !(epsilon > 0)) {
        config.problem("log-epsilon", "must be above 0 for magnitude = \"log\" (log(|X| + ε) of a zero bin is −∞)");
        epsilon = 1e-3;
      }
      boolean phase = config.getBoolean("phase");
      ComponentConfig band = config.child("band");
      double low = band.getDouble("low-hz", 0, 1e6);
      double high = band.getDouble("high-hz", 0, 1e6);
      if (high > 0 && low >= high) {
        band.problem("low-hz", "the lowest kept frequency " + low + " Hz must be below high-hz " + high + " Hz"
            + " (high-hz = 0 keeps everything up to the Nyquist frequency)");
        low = 0;
      }
      boolean normalize = config.getChoice("normalize", List.of("per-lead-bin", "none")).equals("per-lead-bin");
      return new FftRepresentation(new FftSettings(standardizeSignal, frameLength, hop, center, taper, log, epsilon,
          phase, low, high, normalize), config.key("frame-length"), config.key("band"));
    }
  }

  @Override
  public ExampleShape shape(SignalFormat format, int windowSamples) {
    try {
      return SpectrumLayout.of(settings, format.samplingRate(), format.channels(), windowSamples).shape();
    } catch (SpectrumLayout.Unfit e) {
      throw (e.key.equals("band") ? bandKey : frameLengthKey).problem(e.getMessage());
    }
  }

  @Override
  public FittedRepresentation fit(RecordSet training, FitContext context) {
    SignalFormat format = context.format();
    shape(format, context.windowSamples());
    float[] signal = new float[format.samples() * format.channels()];
    double signalMean = 0;
    double signalStd = 1;
    if (settings.standardizeSignal()) {
      double sum = 0;
      double sumSquares = 0;
      long count = 0;
      for (int r = 0; r < training.size(); r++) {
        training.read(r, signal);
        for (float v : signal) {
          sum += v;
          sumSquares += (double) v * v;
        }
        count += signal.length;
      }
      if (count > 0) {
        signalMean = sum / count;
        double variance = sumSquares / count - signalMean * signalMean;
        // population standard deviation, as sklearn's StandardScaler; a flat signal keeps scale 1
        signalStd = variance > 0 ? Math.sqrt(variance) : 1;
      }
    }
    FittedFft unnormalized = new FittedFft(settings, format, context.windowSamples(), signalMean, signalStd,
        new double[0], new double[0]);
    if (!settings.normalize()) {
      return unnormalized;
    }
    double[][] statistics = fitFeatures(training, unnormalized, signal);
    return new FittedFft(settings, format, context.windowSamples(), signalMean, signalStd, statistics[0], statistics[1]);
  }

  /**
   * Mean and population standard deviation of every (lead, part, bin) over all frames of the
   * windows at half-window stride of every training record (the benchmark's test windows: 7 per
   * 10 s record for 2.5 s windows, as the PyTorch peer fits its STFT statistics).
   */
  private static double[][] fitFeatures(RecordSet training, FittedFft unnormalized, float[] signal) {
    SpectrumLayout layout = unnormalized.layout();
    int size = layout.shape().size();
    int[] slotOf = slotOfPositions(layout);
    double[] sum = new double[layout.slots()];
    double[] sumSquares = new double[layout.slots()];
    long perSlot = 0;
    float[] example = new float[size];
    int[] starts = Windows.slidingStarts(training.format().samples(), layout.windowSamples(),
        Math.max(1, layout.windowSamples() / 2));
    for (int r = 0; r < training.size(); r++) {
      training.read(r, signal);
      for (int start : starts) {
        unnormalized.rawFeatures(signal, start, example);
        for (int i = 0; i < size; i++) {
          double v = example[i];
          sum[slotOf[i]] += v;
          sumSquares[slotOf[i]] += v * v;
        }
        perSlot += size / layout.slots();
      }
    }
    double[] featureMean = new double[layout.slots()];
    double[] featureStd = new double[layout.slots()];
    for (int slot = 0; slot < featureMean.length; slot++) {
      double m = perSlot == 0 ? 0 : sum[slot] / perSlot;
      double variance = perSlot == 0 ? 1 : sumSquares[slot] / perSlot - m * m;
      featureMean[slot] = m;
      // as the peer: a constant feature (e.g. a bin the taper zeroes) gets a tiny scale, not a division by 0
      featureStd[slot] = Math.sqrt(Math.max(variance, 1e-12));
    }
    return new double[][] {featureMean, featureStd};
  }

  private static int[] slotOfPositions(SpectrumLayout layout) {
    int[] slotOf = new int[layout.shape().size()];
    for (int frame = 0; frame < layout.frames(); frame++) {
      for (int lead = 0; lead < layout.leads(); lead++) {
        for (int part = 0; part < layout.parts(); part++) {
          for (int bin = 0; bin < layout.bins(); bin++) {
            slotOf[layout.position(frame, lead, part, bin)] = layout.slot(lead, part, bin);
          }
        }
      }
    }
    return slotOf;
  }

  @Override
  public FittedRepresentation restore(Config state, FitContext context) {
    shape(context.format(), context.windowSamples());
    int window = state.getInt("window_samples");
    if (window != context.windowSamples()) {
      throw new IllegalArgumentException("the saved fft representation state was fitted for " + window
          + "-sample windows, the experiment reads " + context.windowSamples());
    }
    return new FittedFft(settings, context.format(), window, state.getDouble("signal_mean"),
        state.getDouble("signal_std"), doubles(state, "feature_mean"), doubles(state, "feature_std"));
  }

  private static double[] doubles(Config state, String key) {
    return state.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
  }
}
