package org.sinus.plugins.fft;

/**
 * What the {@code fft} representation computes; read from {@code representation { type = "fft" }}
 * by {@link FftRepresentation.Factory} (see the plugin's reference.conf for every key).
 *
 * @param standardizeSignal subtract one mean and divide by one standard deviation, both fitted over
 *     all values of the training records, before the transform (the PTB-XL benchmark's pooled
 *     StandardScaler, which the PyTorch peer applies before its STFT)
 * @param frameLength samples per short-time frame; 0 = one transform of the whole window
 * @param hop samples between the starts of consecutive frames
 * @param center frames are centred on {@code 0, hop, 2·hop, ...}: the window is reflect-padded by
 *     {@code frameLength / 2} on both sides first ({@code torch.stft(center=True)})
 * @param taper window function applied to each frame (or to the whole window)
 * @param logMagnitude {@code log(|X| + logEpsilon)} instead of {@code |X|}
 * @param logEpsilon added to the magnitude before the logarithm
 * @param phase also output the phase {@code atan2(Im, Re)} of every kept bin, in radians
 * @param lowHz lowest frequency kept (bins {@code k·fs/n ≥ lowHz})
 * @param highHz highest frequency kept; 0 = up to the Nyquist frequency
 * @param normalize standardize every (lead, bin, magnitude or phase) feature with a mean and
 *     standard deviation fitted on the training records
 */
public record FftSettings(boolean standardizeSignal, int frameLength, int hop, boolean center, Taper taper,
                          boolean logMagnitude, double logEpsilon, boolean phase, double lowHz, double highHz,
                          boolean normalize) {

  public FftSettings {
    if (frameLength < 0 || hop < 1 || taper == null || (logMagnitude && !(logEpsilon > 0)) || lowHz < 0
        || highHz < 0 || (highHz > 0 && lowHz >= highHz)) {
      throw new IllegalArgumentException("invalid FFT settings: " + frameLength + " " + hop + " " + taper + " "
          + logEpsilon + " " + lowHz + " " + highHz);
    }
  }

  /** Short-time framing (a time axis), rather than one transform of the whole window. */
  public boolean framed() {
    return frameLength > 0;
  }

  /**
   * A plain spectrum: the {@code |rfft|} of every lead's whole window, no taper, no logarithm, no
   * standardization (what {@code numpy.abs(numpy.fft.rfft(x))} gives).
   */
  public static FftSettings plainMagnitude() {
    return new FftSettings(false, 0, 1, false, Taper.NONE, false, 1e-3, false, 0, 0, false);
  }

  /**
   * The PyTorch peer's {@code fft_transformer} front-end: pooled standardization, 64-sample Hann
   * frames at hop 16, centred, {@code log(|X| + 1e-3)} of every bin, standardized per (lead, bin).
   */
  public static FftSettings peerStft() {
    return new FftSettings(true, 64, 16, true, Taper.HANN, true, 1e-3, false, 0, 0, true);
  }
}
