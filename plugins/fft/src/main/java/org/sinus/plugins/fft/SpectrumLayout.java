package org.sinus.plugins.fft;

import java.util.Locale;
import org.sinus.api.representation.ExampleShape;

/**
 * Where the spectrum of a window goes in the example: how many transforms of which length, which
 * bins are kept, and the position of each value.
 *
 * <p>With short-time framing the example is {@code [1, frames, leads × features]}: the width is the
 * time axis (the sequence a Transformer attends over) and each frame's channels hold lead 0's
 * features, then lead 1's, ...; a lead's features are its kept bins' magnitudes, followed by their
 * phases when phases are on. This is the PyTorch peer's {@code (B, leads·bins, frames)} flattening,
 * in NHWC. Without framing the example is {@code [1, bins, leads × parts]}: the width is the
 * frequency axis and each bin's channels hold, per lead, its magnitude (and phase).
 *
 * @param fftLength points per transform (the frame length, or the window length)
 * @param pad reflect padding on each side of the window (centred frames only)
 * @param frames transforms per lead (1 without framing)
 * @param firstBin lowest kept bin
 * @param bins kept bins, {@code firstBin .. firstBin + bins − 1}
 * @param parts 1 (magnitude) or 2 (magnitude and phase)
 * @param leads leads of the signal
 * @param framed whether the width is the time axis
 */
record SpectrumLayout(int windowSamples, int fftLength, int hop, int pad, int frames, int firstBin, int bins,
                      int parts, int leads, boolean framed) {

  /**
   * The layout for windows of {@code windowSamples} samples at {@code samplingRate} Hz.
   *
   * @throws Unfit if the settings do not fit this window or sampling rate
   */
  /** Settings that do not fit the window or the sampling rate; {@code key} is the setting to change. */
  static final class Unfit extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final String key;

    Unfit(String key, String message) {
      super(message);
      this.key = key;
    }
  }

  static SpectrumLayout of(FftSettings settings, int samplingRate, int leads, int windowSamples) {
    boolean framed = settings.framed();
    int fftLength = framed ? settings.frameLength() : windowSamples;
    int pad = framed && settings.center() ? settings.frameLength() / 2 : 0;
    if (framed && settings.center() && pad >= windowSamples) {
      throw new Unfit("frame-length", settings.frameLength()
          + " needs windows of more than " + pad + " samples for centred frames (reflect padding by half a frame),"
          + " but windows have " + windowSamples + " samples");
    }
    if (framed && !settings.center() && settings.frameLength() > windowSamples) {
      throw new Unfit("frame-length", settings.frameLength()
          + " is longer than the " + windowSamples + "-sample window; shorten the frames or set center = true");
    }
    int frames = framed ? 1 + (windowSamples + 2 * pad - fftLength) / settings.hop() : 1;
    int lastPossible = fftLength / 2;
    double binHz = (double) samplingRate / fftLength;
    double high = settings.highHz() > 0 ? settings.highHz() : Double.POSITIVE_INFINITY;
    int first = -1;
    int last = -1;
    for (int k = 0; k <= lastPossible; k++) {
      double f = k * binHz;
      if (f >= settings.lowHz() - 1e-9 && f <= high + 1e-9) {
        first = first < 0 ? k : first;
        last = k;
      }
    }
    if (first < 0) {
      throw new Unfit("band", String.format(Locale.ROOT,
          "[%s, %s] Hz keeps no frequency bin: a %d-point transform at %d Hz has bins 0, %.4g, ..., %.4g Hz",
          settings.lowHz(), settings.highHz() > 0 ? settings.highHz() : "Nyquist", fftLength, samplingRate, binHz,
          lastPossible * binHz));
    }
    return new SpectrumLayout(windowSamples, fftLength, settings.hop(), pad, frames, first, last - first + 1,
        settings.phase() ? 2 : 1, leads, framed);
  }

  /** Values of one lead in one frame: kept bins × parts. */
  int featuresPerLead() {
    return bins * parts;
  }

  /** Channels of the example. */
  int channels() {
    return framed ? leads * featuresPerLead() : leads * parts;
  }

  ExampleShape shape() {
    return framed ? new ExampleShape(1, frames, channels()) : new ExampleShape(1, bins, channels());
  }

  /** Number of normalization slots: one per (lead, part, kept bin). */
  int slots() {
    return leads * featuresPerLead();
  }

  /** The normalization slot of (lead, part, kept bin index). */
  int slot(int lead, int part, int bin) {
    return lead * featuresPerLead() + part * bins + bin;
  }

  /** Position in the example of (frame, lead, part, kept bin index). */
  int position(int frame, int lead, int part, int bin) {
    return framed
        ? frame * channels() + lead * featuresPerLead() + part * bins + bin
        : bin * channels() + lead * parts + part;
  }

  /** Distance in the example between the same value of consecutive leads. */
  int leadStride() {
    return framed ? featuresPerLead() : parts;
  }

  /** Distance in the example between a bin's magnitude and its phase. */
  int partStride() {
    return framed ? bins : 1;
  }

  /** Distance in the example between consecutive kept bins of one (frame, lead, part). */
  int binStride() {
    return framed ? 1 : channels();
  }

  /** Centre frequency in Hz of kept bin {@code index}. */
  double frequency(int index, int samplingRate) {
    return (firstBin + index) * (double) samplingRate / fftLength;
  }
}
