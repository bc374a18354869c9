package org.sinus.engine.predict;

import java.util.Arrays;

/**
 * Changes the sampling rate of a time-major multichannel signal by band-limited interpolation: each
 * output sample is the input convolved with a Kaiser-windowed sinc whose cut-off is 0.9 of the
 * lower of the two Nyquist frequencies (an anti-aliasing low-pass when the rate goes down), over
 * {@value #HALF_WIDTH} zero crossings of that sinc on each side. The edges are padded by
 * reflection. For ECGs (content below 40–50 Hz) going 500 → 100 Hz or 250 → 100 Hz this keeps the
 * signal's band to within a fraction of a percent.
 */
public final class SignalResampler {
  /** Zero crossings of the interpolating sinc on each side of a sample. */
  static final int HALF_WIDTH = 16;
  /** The cut-off as a fraction of the lower Nyquist frequency. */
  static final double ROLL_OFF = 0.9;
  /** Kaiser window's β (side lobes about −80 dB). */
  static final double BETA = 8.6;

  private SignalResampler() {}

  /** Samples of a signal of {@code samples} at {@code from} Hz resampled to {@code to} Hz. */
  public static int outputSamples(int samples, double from, double to) {
    return (int) Math.floor(samples * to / from + 1e-9);
  }

  /**
   * @param signal {@code samples × channels}, time-major
   * @return the signal at {@code to} Hz, {@link #outputSamples} × {@code channels}, time-major
   */
  public static float[] resample(float[] signal, int channels, double from, double to) {
    int samples = signal.length / channels;
    int out = outputSamples(samples, from, to);
    float[] result = new float[out * channels];
    double cutoff = ROLL_OFF * Math.min(1.0, to / from);   // in cycles per input sample × 2 (1 = input Nyquist)
    double reach = HALF_WIDTH / cutoff;                      // input samples on each side
    double i0Beta = besselI0(BETA);
    double[] sums = new double[channels];
    for (int n = 0; n < out; n++) {
      double t = n * from / to;                              // the output sample's position in input samples
      int first = (int) Math.ceil(t - reach);
      int last = (int) Math.floor(t + reach);
      Arrays.fill(sums, 0);
      double weightSum = 0;
      for (int k = first; k <= last; k++) {
        double x = k - t;
        double weight = cutoff * sinc(cutoff * x) * kaiser(x / reach, i0Beta);
        int source = reflect(k, samples);
        int base = source * channels;
        for (int c = 0; c < channels; c++) {
          sums[c] += weight * signal[base + c];
        }
        weightSum += weight;
      }
      for (int c = 0; c < channels; c++) {
        // normalised so that a constant signal stays exactly constant
        result[n * channels + c] = (float) (sums[c] / weightSum);
      }
    }
    return result;
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  private static double kaiser(double r, double i0Beta) {
    double a = 1 - r * r;
    return a <= 0 ? 0 : besselI0(BETA * Math.sqrt(a)) / i0Beta;
  }

  /** The modified Bessel function of the first kind, order 0 (its power series). */
  private static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double quarter = x * x / 4;
    for (int k = 1; k < 50; k++) {
      term *= quarter / ((double) k * k);
      sum += term;
      if (term < sum * 1e-16) {
        break;
      }
    }
    return sum;
  }

  /** Index {@code k} reflected into {@code [0, n)} (…, 2, 1, 0, 1, 2, …, n−2, n−1, n−2, …). */
  private static int reflect(int k, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int m = Math.floorMod(k, period);
    return m < n ? m : period - m;
  }
}
