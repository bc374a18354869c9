package org.sinus.plugins.time;

import java.util.ArrayList;
import java.util.List;

/**
 * A zero-phase Butterworth filter (high-pass, low-pass or band-pass) as second-order sections,
 * applied forward and backward like scipy's {@code sosfiltfilt}: odd reflection at both ends and
 * steady-state initial conditions, so that baseline wander is removed without shifting waves in
 * time. Sections are designed with the bilinear transform (pre-warped, RBJ biquads with the
 * Butterworth Q of each pole pair). Forward-backward filtering squares the magnitude response.
 */
public final class ButterworthFilter {
  private final double[][] sections;   // each {b0, b1, b2, a1, a2}, a0 = 1
  private final double[][] initial;    // steady-state states {z1, z2} per section for a unit step
  private final int padding;

  /**
   * @param lowHz high-pass cut-off (0 = none), e.g. 0.5 Hz against baseline wander
   * @param highHz low-pass cut-off (0 = none), below the Nyquist frequency
   * @param order filter order of each of the high- and low-pass parts: 2, 4, 6 or 8
   */
  public ButterworthFilter(double lowHz, double highHz, int order, double samplingRate) {
    if (order < 2 || order > 8 || order % 2 != 0) {
      throw new IllegalArgumentException("Butterworth order must be 2, 4, 6 or 8, got " + order);
    }
    if (highHz > 0 && highHz >= samplingRate / 2) {
      throw new IllegalArgumentException("low-pass cut-off " + highHz + " Hz is not below the Nyquist frequency "
          + samplingRate / 2 + " Hz");
    }
    List<double[]> list = new ArrayList<>();
    for (int k = 0; k < order / 2; k++) {
      double q = 1 / (2 * Math.sin((2 * k + 1) * Math.PI / (2 * order)));
      if (lowHz > 0) {
        list.add(biquad(lowHz, q, samplingRate, true));
      }
      if (highHz > 0) {
        list.add(biquad(highHz, q, samplingRate, false));
      }
    }
    sections = list.toArray(double[][]::new);
    initial = steadyStates(sections);
    padding = 3 * (2 * sections.length + 1);
  }

  /** Whether the filter does anything. */
  public boolean isIdentity() {
    return sections.length == 0;
  }

  private static double[] biquad(double cutoff, double q, double rate, boolean highPass) {
    double w0 = 2 * Math.PI * cutoff / rate;
    double cos = Math.cos(w0);
    double alpha = Math.sin(w0) / (2 * q);
    double a0 = 1 + alpha;
    double b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
    double b1 = highPass ? -(1 + cos) : 1 - cos;
    return new double[] {b0 / a0, b1 / a0, b0 / a0, -2 * cos / a0, (1 - alpha) / a0};
  }

  /** scipy's sosfilt_zi: per-section states of the steady response to a unit step, scaled by the gain before it. */
  private static double[][] steadyStates(double[][] sections) {
    double[][] states = new double[sections.length][2];
    double gain = 1;
    for (int i = 0; i < sections.length; i++) {
      double[] s = sections[i];
      double dc = (s[0] + s[1] + s[2]) / (1 + s[3] + s[4]);
      double y = dc * gain;
      states[i][0] = y - s[0] * gain;
      states[i][1] = s[2] * gain - s[4] * y;
      gain = y;
    }
    return states;
  }

  /**
   * Filters channel {@code channel} of a time-major {@code [samples, channels]} signal in place.
   *
   * @param work scratch of at least {@code samples + 2 × padding()} doubles
   */
  public void apply(float[] signal, int samples, int channels, int channel, double[] work) {
    if (isIdentity()) {
      return;
    }
    int pad = Math.min(padding, samples - 1);
    int n = samples + 2 * pad;
    double first = signal[channel];
    double last = signal[(samples - 1) * channels + channel];
    for (int i = 0; i < pad; i++) {
      work[i] = 2 * first - signal[(pad - i) * channels + channel];                         // odd reflection
      work[pad + samples + i] = 2 * last - signal[(samples - 2 - i) * channels + channel];
    }
    for (int t = 0; t < samples; t++) {
      work[pad + t] = signal[t * channels + channel];
    }
    filter(work, n, true);
    filter(work, n, false);
    for (int t = 0; t < samples; t++) {
      signal[t * channels + channel] = (float) work[pad + t];
    }
  }

  /** Scratch length {@link #apply} needs. */
  public int workLength(int samples) {
    return samples + 2 * padding;
  }

  private void filter(double[] x, int n, boolean forward) {
    double start = forward ? x[0] : x[n - 1];
    for (int s = 0; s < sections.length; s++) {
      double[] c = sections[s];
      double z1 = initial[s][0] * start;
      double z2 = initial[s][1] * start;
      if (forward) {
        for (int i = 0; i < n; i++) {
          double in = x[i];
          double out = c[0] * in + z1;
          z1 = c[1] * in - c[3] * out + z2;
          z2 = c[2] * in - c[4] * out;
          x[i] = out;
        }
      } else {
        for (int i = n - 1; i >= 0; i--) {
          double in = x[i];
          double out = c[0] * in + z1;
          z1 = c[1] * in - c[3] * out + z2;
          z2 = c[2] * in - c[4] * out;
          x[i] = out;
        }
      }
    }
  }
}
