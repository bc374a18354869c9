package org.sinus.plugins.fft;

import java.util.Locale;

/**
 * A window function applied to each frame before its transform, in its periodic form (as
 * {@code torch.hann_window} and {@code scipy.signal.get_window} build them for spectral analysis).
 */
public enum Taper {
  /** {@code 0.5 − 0.5·cos(2πj/N)}. */
  HANN,
  /** {@code 0.54 − 0.46·cos(2πj/N)}. */
  HAMMING,
  /** All ones: the transform of the raw frame. */
  NONE;

  /** The {@code length} coefficients. */
  public float[] coefficients(int length) {
    float[] w = new float[length];
    for (int j = 0; j < length; j++) {
      double c = Math.cos(2 * Math.PI * j / length);
      w[j] = switch (this) {
        case HANN -> (float) (0.5 - 0.5 * c);
        case HAMMING -> (float) (0.54 - 0.46 * c);
        case NONE -> 1f;
      };
    }
    return w;
  }

  /** The config word: {@code hann}, {@code hamming} or {@code none}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
