package org.sinus.plugins.fft;

import org.sinus.api.plugin.ComponentFactory;

import com.typesafe.config.Config;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.config.ComponentConfig;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.representation.SignalFormat;
import org.sinus.api.data.Windows;

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
 * <p>{@link #encode} is safe to call from several threads: FFT plans are shared and each thread
 * has its own {@link LeadFft} and scratch arrays.
 */
public final class FftRepresentation implements Representation {
  public static final String TYPE = "fft";

  private final FftSettings settings;
  private int samplingRate = -1;
  private int channels = -1;
  private volatile SpectrumLayout cachedLayout;
  private double signalMean;
  private double signalStd = 1;
  private double[] featureMean = new double[0];
  private double[] featureStd = new double[0];
  private float[] mean = new float[0];
  private float[] inverseStd = new float[0];
  private int fittedWindow = -1;
  private final ThreadLocal<Scratch> scratch = new ThreadLocal<>();

  public FftRepresentation(FftSettings settings) {
    this.settings = settings;
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
          phase, low, high, normalize));
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Lifecycle

  @Override
  public ExampleShape shape(SignalFormat format, int windowSamples) {
    return SpectrumLayout.of(settings, format.samplingRate(), format.channels(), windowSamples).shape();
  }

  @Override
  public void prepare(EcgDataset data, DataContext context) {
    samplingRate = data.samplingRate();
    channels = data.leads().size();
  }

  @Override
  public void fit(EcgDataset data, int[] trainIndices, int windowSamples, DataContext context) {
    prepare(data, context);
    SpectrumLayout layout = layout(windowSamples);
    float[] signal = new float[data.samples() * channels];
    signalMean = 0;
    signalStd = 1;
    if (settings.standardizeSignal()) {
      double sum = 0;
      double sumSquares = 0;
      long count = 0;
      for (int index : trainIndices) {
        data.signals().read(index, signal, 0);
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
    featureMean = new double[0];
    featureStd = new double[0];
    if (settings.normalize()) {
      fitFeatures(data, trainIndices, layout, signal);
    }
    fittedWindow = windowSamples;
    useStatistics();
  }

  /**
   * Mean and population standard deviation of every (lead, part, bin) over all frames of the
   * windows at half-window stride of every training record (the benchmark's test windows: 7 per
   * 10 s record for 2.5 s windows, as the PyTorch peer fits its STFT statistics).
   */
  private void fitFeatures(EcgDataset data, int[] trainIndices, SpectrumLayout layout, float[] signal) {
    int size = layout.shape().size();
    int[] slotOf = slotOfPositions(layout);
    double[] sum = new double[layout.slots()];
    double[] sumSquares = new double[layout.slots()];
    long perSlot = 0;
    float[] example = new float[size];
    Scratch s = scratch(layout);
    int[] starts = Windows.slidingStarts(data.samples(), layout.windowSamples(), Math.max(1, layout.windowSamples() / 2));
    for (int index : trainIndices) {
      data.signals().read(index, signal, 0);
      for (int start : starts) {
        features(signal, start, layout, example, 0, false, s);
        for (int i = 0; i < size; i++) {
          double v = example[i];
          sum[slotOf[i]] += v;
          sumSquares[slotOf[i]] += v * v;
        }
        perSlot += size / layout.slots();
      }
    }
    featureMean = new double[layout.slots()];
    featureStd = new double[layout.slots()];
    for (int slot = 0; slot < featureMean.length; slot++) {
      double m = perSlot == 0 ? 0 : sum[slot] / perSlot;
      double variance = perSlot == 0 ? 1 : sumSquares[slot] / perSlot - m * m;
      featureMean[slot] = m;
      // as the peer: a constant feature (e.g. a bin the taper zeroes) gets a tiny scale, not a division by 0
      featureStd[slot] = Math.sqrt(Math.max(variance, 1e-12));
    }
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

  private void useStatistics() {
    mean = new float[featureMean.length];
    inverseStd = new float[featureStd.length];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) featureMean[i];
      inverseStd[i] = (float) (1 / featureStd[i]);
    }
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("window_samples", fittedWindow);
    state.put("signal_mean", signalMean);
    state.put("signal_std", signalStd);
    state.put("feature_mean", featureMean);
    state.put("feature_std", featureStd);
    return state;
  }

  @Override
  public void restore(Config state) {
    fittedWindow = state.getInt("window_samples");
    signalMean = state.getDouble("signal_mean");
    signalStd = state.getDouble("signal_std");
    featureMean = state.getDoubleList("feature_mean").stream().mapToDouble(Double::doubleValue).toArray();
    featureStd = state.getDoubleList("feature_std").stream().mapToDouble(Double::doubleValue).toArray();
    if (featureMean.length != featureStd.length) {
      throw new IllegalArgumentException("fft representation state has " + featureMean.length + " feature means but "
          + featureStd.length + " standard deviations");
    }
    useStatistics();
  }

  // -----------------------------------------------------------------------------------------------
  // Encoding

  @Override
  public void encode(RecordWindow window, float[] out, int offset) {
    SpectrumLayout layout = layout(window.length());
    if (settings.normalize() && mean.length != layout.slots()) {
      throw new IllegalStateException("the fft representation has " + mean.length + " feature statistics but windows of "
          + window.length() + " samples need " + layout.slots() + ": it was " + (mean.length == 0
          ? "not fitted (call fit or restore first)" : "fitted for " + fittedWindow + "-sample windows or other settings"));
    }
    features(window.signal(), window.start(), layout, out, offset, settings.normalize(), scratch(layout));
  }

  /** The layout for this representation's leads and sampling rate (set by {@link #prepare}). */
  SpectrumLayout layout(int windowSamples) {
    SpectrumLayout layout = cachedLayout;
    if (layout == null || layout.windowSamples() != windowSamples) {
      if (channels < 0) {
        throw new IllegalStateException("the fft representation is used before prepare(): it does not know the leads");
      }
      layout = SpectrumLayout.of(settings, samplingRate, channels, windowSamples);
      cachedLayout = layout;
    }
    return layout;
  }

  /** Per-thread work arrays and the taper of one layout. */
  private static final class Scratch {
    final SpectrumLayout layout;
    final LeadFft fft;
    final float[] taper;
    final boolean tapered;
    /** The (standardized) window, {@code [window][lanes]}, from which frames are cut (framed layouts only). */
    final double[] window;

    Scratch(SpectrumLayout layout, Taper taper) {
      this.layout = layout;
      this.fft = LeadFft.create(layout.fftLength(), layout.leads());
      this.taper = taper.coefficients(layout.fftLength());
      this.tapered = taper != Taper.NONE;
      this.window = layout.framed() ? new double[layout.windowSamples() * fft.lanes()] : new double[0];
    }
  }

  private Scratch scratch(SpectrumLayout layout) {
    Scratch s = scratch.get();
    if (s == null || !s.layout.equals(layout)) {
      s = new Scratch(layout, settings.taper());
      scratch.set(s);
    }
    return s;
  }

  /**
   * Writes the features of the window of {@code signal} (a whole record, time-major) starting at
   * {@code start} into {@code out}; standardizes them with the fitted statistics if {@code normalized}.
   */
  private void features(float[] signal, int start, SpectrumLayout layout, float[] out, int offset, boolean normalized,
                        Scratch s) {
    LeadFft fft = s.fft;
    if (!layout.framed()) {
      // the whole window is the frame
      copyWindow(signal, start, layout, fft.input(), fft.lanes());
      if (s.tapered) {
        taper(fft.input(), s.taper, layout.windowSamples(), fft.lanes());
      }
      fft.run();
      emit(fft, layout, 0, out, offset, normalized);
      return;
    }
    int lanes = fft.lanes();
    int window = layout.windowSamples();
    int length = layout.fftLength();
    copyWindow(signal, start, layout, s.window, lanes);
    double[] frame = fft.input();
    for (int f = 0; f < layout.frames(); f++) {
      int first = f * layout.hop() - layout.pad();
      if (first >= 0 && first + length <= window) {
        System.arraycopy(s.window, first * lanes, frame, 0, length * lanes);
      } else {
        for (int j = 0; j < length; j++) {
          System.arraycopy(s.window, reflect(first + j, window) * lanes, frame, j * lanes, lanes);
        }
      }
      if (s.tapered) {
        taper(frame, s.taper, length, lanes);
      }
      fft.run();
      emit(fft, layout, f, out, offset, normalized);
    }
  }

  /**
   * Copies the window starting at {@code start} into {@code x} ({@code [window][lanes]}, the
   * padding lanes left zero), standardized if the settings say so.
   */
  private void copyWindow(float[] signal, int start, SpectrumLayout layout, double[] x, int lanes) {
    int leads = layout.leads();
    int window = layout.windowSamples();
    double m = settings.standardizeSignal() ? signalMean : 0;
    double inverse = settings.standardizeSignal() ? 1 / signalStd : 1;
    if (lanes == leads) {
      // one long loop over the time-major window, which HotSpot vectorizes
      for (int i = 0, from = start * leads, count = window * leads; i < count; i++) {
        x[i] = (signal[from + i] - m) * inverse;
      }
      return;
    }
    for (int t = 0; t < window; t++) {
      for (int lead = 0, from = (start + t) * leads; lead < leads; lead++) {
        x[t * lanes + lead] = (signal[from + lead] - m) * inverse;
      }
    }
  }

  /** Multiplies every row {@code j < length} of {@code x} ({@code [length][lanes]}) by {@code taper[j]}. */
  private static void taper(double[] x, float[] taper, int length, int lanes) {
    for (int j = 0; j < length; j++) {
      double w = taper[j];
      for (int i = j * lanes, end = i + lanes; i < end; i++) {
        x[i] *= w;
      }
    }
  }

  /** Index of sample {@code t} of a window reflected at its ends without repeating them (numpy's "reflect"). */
  static int reflect(int t, int length) {
    if (length == 1) {
      return 0;
    }
    int period = 2 * (length - 1);
    int r = Math.floorMod(t, period);
    return r < length ? r : period - r;
  }

  /** Writes the kept bins of every lead of one transformed frame. */
  private void emit(LeadFft fft, SpectrumLayout layout, int frame, float[] out, int offset, boolean normalized) {
    boolean log = settings.logMagnitude();
    double[] magnitude = log ? fft.logMagnitude(settings.logEpsilon()) : fft.magnitude();
    int lanes = fft.lanes();
    int leads = layout.leads();
    int bins = layout.bins();
    int firstBin = layout.firstBin();
    int binStride = layout.binStride();
    int leadStride = layout.leadStride();
    int perLead = layout.featuresPerLead();
    int base = offset + layout.position(frame, 0, 0, 0);
    for (int i = 0; i < bins; i++) {
      int from = (firstBin + i) * lanes;
      int to = base + i * binStride;
      for (int lead = 0; lead < leads; lead++) {
        float v = (float) magnitude[from + lead];
        int slot = lead * perLead + i;
        out[to + lead * leadStride] = normalized ? (v - mean[slot]) * inverseStd[slot] : v;
      }
    }
    if (layout.parts() == 2) {
      double[] re = fft.real();
      double[] im = fft.imaginary();
      int phaseBase = base + layout.partStride();
      for (int i = 0; i < bins; i++) {
        int from = (firstBin + i) * lanes;
        int to = phaseBase + i * binStride;
        for (int lead = 0; lead < leads; lead++) {
          float v = (float) Math.atan2(im[from + lead], re[from + lead]);
          int slot = lead * perLead + bins + i;
          out[to + lead * leadStride] = normalized ? (v - mean[slot]) * inverseStd[slot] : v;
        }
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Preview

  @Override
  public BufferedImage preview(float[] example, ExampleShape shape, SignalFormat format, int windowSamples) {
    SpectrumLayout layout = SpectrumLayout.of(settings, format.samplingRate(), format.channels(), windowSamples);
    return SpectrumPreview.render(title(shape), valueLabel(), example, layout, format);
  }

  private String title(ExampleShape shape) {
    String transform = settings.framed()
        ? String.format(Locale.ROOT, "STFT %d/%d %s%s", settings.frameLength(), settings.hop(), settings.taper().id(),
            settings.center() ? ", centred" : "")
        : "FFT of the window, " + settings.taper().id() + " taper";
    String band = settings.lowHz() > 0 || settings.highHz() > 0
        ? String.format(Locale.ROOT, ", %s–%s Hz", settings.lowHz(), settings.highHz() > 0 ? settings.highHz() : "Nyquist")
        : "";
    return "fft representation " + shape + ": " + transform + band + (settings.phase() ? " (magnitude shown)" : "");
  }

  private String valueLabel() {
    String value = settings.logMagnitude() ? "log(|X| + ε)" : "|X|";
    return settings.normalize() ? value + ", standardized" : value;
  }
}
