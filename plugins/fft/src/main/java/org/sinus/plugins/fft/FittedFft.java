package org.sinus.plugins.fft;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.preview.Preview;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Previewable;
import org.sinus.api.representation.RecordWindow;

/**
 * The {@code fft} representation fitted on the training records: the signal standardization and
 * the per-(lead, part, bin) feature statistics, for windows of one length. {@link #encode} is safe
 * to call from several threads: FFT plans are shared and each thread has its own {@link LeadFft}
 * and scratch arrays. Spectral values mix every sample of a frame, so there is no projection of
 * relevance back to leads × time.
 */
final class FittedFft implements FittedRepresentation, Previewable {
  private final FftSettings settings;
  private final SignalFormat format;
  private final SpectrumLayout layout;
  private final double signalMean;
  private final double signalStd;
  private final double[] featureMean;
  private final double[] featureStd;
  private final float[] mean;
  private final float[] inverseStd;
  private final ThreadLocal<Scratch> scratch = new ThreadLocal<>();

  /**
   * @param featureMean per-slot means of the features; empty when the features are not normalized
   *     (or not yet fitted)
   */
  FittedFft(FftSettings settings, SignalFormat format, int windowSamples, double signalMean, double signalStd,
            double[] featureMean, double[] featureStd) {
    this.settings = settings;
    this.format = format;
    this.layout = SpectrumLayout.of(settings, format.samplingRate(), format.channels(), windowSamples);
    this.signalMean = signalMean;
    this.signalStd = signalStd;
    if (featureMean.length != featureStd.length) {
      throw new IllegalArgumentException("fft representation state has " + featureMean.length + " feature means but "
          + featureStd.length + " standard deviations");
    }
    if (settings.normalize() && featureMean.length > 0 && featureMean.length != layout.slots()) {
      throw new IllegalArgumentException("fft representation state has " + featureMean.length + " feature statistics "
          + "but " + windowSamples + "-sample windows of " + format.channels() + " leads need " + layout.slots());
    }
    this.featureMean = featureMean.clone();
    this.featureStd = featureStd.clone();
    this.mean = new float[featureMean.length];
    this.inverseStd = new float[featureStd.length];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) featureMean[i];
      inverseStd[i] = (float) (1 / featureStd[i]);
    }
  }

  SpectrumLayout layout() {
    return layout;
  }

  @Override
  public ExampleShape shape() {
    return layout.shape();
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("window_samples", layout.windowSamples());
    state.put("signal_mean", signalMean);
    state.put("signal_std", signalStd);
    state.put("feature_mean", featureMean.clone());
    state.put("feature_std", featureStd.clone());
    return state;
  }

  @Override
  public void encode(RecordWindow window, float[] out, int offset) {
    if (window.length() != layout.windowSamples()) {
      throw new IllegalArgumentException("the fft representation was fitted for " + layout.windowSamples()
          + "-sample windows, not " + window.length());
    }
    features(window.signal(), window.start(), out, offset, settings.normalize(), scratch());
  }

  /** Per-thread work arrays and the taper of one layout. */
  static final class Scratch {
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

  /** The features of a window, not normalized (what the feature statistics are fitted on). */
  void rawFeatures(float[] signal, int start, float[] out) {
    features(signal, start, out, 0, false, scratch());
  }

  private Scratch scratch() {
    Scratch s = scratch.get();
    if (s == null) {
      s = new Scratch(layout, settings.taper());
      scratch.set(s);
    }
    return s;
  }

  /**
   * Writes the features of the window of {@code signal} (a whole record, time-major) starting at
   * {@code start} into {@code out}; standardizes them with the fitted statistics if {@code normalized}.
   */
  void features(float[] signal, int start, float[] out, int offset, boolean normalized, Scratch s) {
    LeadFft fft = s.fft;
    if (!layout.framed()) {
      // the whole window is the frame
      copyWindow(signal, start, fft.input(), fft.lanes());
      if (s.tapered) {
        taper(fft.input(), s.taper, layout.windowSamples(), fft.lanes());
      }
      fft.run();
      emit(fft, 0, out, offset, normalized);
      return;
    }
    int lanes = fft.lanes();
    int window = layout.windowSamples();
    int length = layout.fftLength();
    copyWindow(signal, start, s.window, lanes);
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
      emit(fft, f, out, offset, normalized);
    }
  }

  /**
   * Copies the window starting at {@code start} into {@code x} ({@code [window][lanes]}, the
   * padding lanes left zero), standardized if the settings say so.
   */
  private void copyWindow(float[] signal, int start, double[] x, int lanes) {
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
  private void emit(LeadFft fft, int frame, float[] out, int offset, boolean normalized) {
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
  public Preview preview(float[] example, double startSeconds) {
    return SpectrumPreview.describe(title(layout.shape()), valueLabel(), example, layout, format);
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
