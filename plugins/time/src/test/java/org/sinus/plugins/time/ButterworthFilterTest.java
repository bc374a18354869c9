package org.sinus.plugins.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ButterworthFilterTest {
  private static float[] sine(double hz, double amplitude, int samples, double rate) {
    float[] x = new float[samples];
    for (int t = 0; t < samples; t++) {
      x[t] = (float) (amplitude * Math.sin(2 * Math.PI * hz * t / rate));
    }
    return x;
  }

  private static double rms(float[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i] * x[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  @Test
  void bandPassKeepsTheBandAndRemovesBaselineWanderAndNoise() {
    ButterworthFilter filter = new ButterworthFilter(0.5, 40, 2, 500);
    float[] inBand = sine(10, 1, 5000, 500);
    float[] wander = sine(0.05, 1, 5000, 500);
    float[] noise = sine(100, 1, 5000, 500);
    double[] work = new double[filter.workLength(5000)];
    float[] filtered = inBand.clone();
    filter.apply(filtered, 5000, 1, 0, work);
    // forward-backward: |H|² at 10 Hz for a 2nd-order 0.5–40 Hz band-pass is ≈ 0.99
    assertThat(rms(filtered, 500, 4500) / rms(inBand, 500, 4500)).isCloseTo(1, within(0.02));
    float[] w = wander.clone();
    filter.apply(w, 5000, 1, 0, work);
    assertThat(rms(w, 500, 4500)).isLessThan(0.02);
    float[] n = noise.clone();
    filter.apply(n, 5000, 1, 0, work);
    assertThat(rms(n, 500, 4500)).isLessThan(0.05);
  }

  @Test
  void zeroPhaseDoesNotShiftWaves() {
    ButterworthFilter filter = new ButterworthFilter(0.5, 0, 4, 100);
    float[] x = sine(5, 1, 1000, 100);
    float[] y = x.clone();
    filter.apply(y, 1000, 1, 0, new double[filter.workLength(1000)]);
    // a 5 Hz peak stays at the same sample: correlation with the input is ~1 at lag 0
    double dot = 0;
    for (int t = 100; t < 900; t++) {
      dot += x[t] * y[t];
    }
    assertThat(dot / (0.5 * 800)).isCloseTo(1, within(0.01));
    for (int t = 300; t < 700; t++) {   // away from the edge transients of a 0.5 Hz high-pass (scipy: 0.014)
      assertThat(y[t]).isCloseTo(x[t], within(0.02f));
    }
  }

  /**
   * Equals scipy's sosfiltfilt (odd padding of 3 × (2 × sections + 1) samples, steady-state initial
   * conditions). Reference values from scipy 1.10.1: {@code sosfiltfilt(butter(4, 0.5, 'highpass',
   * fs=100, output='sos'), x)}; the band-pass is the cascade {@code vstack([butter(2, 0.5, 'highpass'),
   * butter(2, 40, 'lowpass')])} (not scipy's lp2bp band-pass); for
   * x = sin(2π·5t/100) + 0.8 sin(2π·0.2t/100) + 0.3 sin(2π·30t/100) in float32, at t = 0, 1, 50, 333,
   * 500, 998, 999.
   */
  @Test
  void matchesScipySosfiltfilt() {
    float[] x = new float[1000];
    for (int t = 0; t < 1000; t++) {
      x[t] = (float) (Math.sin(2 * Math.PI * 5 * t / 100) + 0.8 * Math.sin(2 * Math.PI * 0.2 * t / 100)
          + 0.3 * Math.sin(2 * Math.PI * 30 * t / 100));
    }
    int[] at = {0, 1, 50, 333, 500, 998, 999};
    check(new ButterworthFilter(0.5, 0, 4, 100), x, at,
        new double[] {-0.3960845, 0.2115224, 0.04345745, -0.9833148, -0.0001999371, 0.2808888, 0.1759268});
    check(new ButterworthFilter(0.5, 40, 2, 100), x, at,
        new double[] {-0.4014715, 0.1953336, 0.01318618, -0.9957301, 2.285491e-05, 0.8375942, 0.70328});
    check(new ButterworthFilter(0, 25, 2, 100), x, at,
        new double[] {-4.913672e-06, 0.3810471, 0.4702282, -1.538074, -2.430001e-14, -0.5171076, -0.6043868});
  }

  private static void check(ButterworthFilter filter, float[] x, int[] at, double[] expected) {
    float[] y = x.clone();
    filter.apply(y, y.length, 1, 0, new double[filter.workLength(y.length)]);
    for (int i = 0; i < at.length; i++) {
      assertThat((double) y[at[i]]).as("t = %d", at[i]).isCloseTo(expected[i], within(2e-6));
    }
  }

  @Test
  void filtersOneChannelOfATimeMajorSignalOnly() {
    ButterworthFilter filter = new ButterworthFilter(1, 0, 2, 100);
    float[] signal = new float[2000];
    for (int t = 0; t < 1000; t++) {
      signal[t * 2] = 3f;          // DC on channel 0
      signal[t * 2 + 1] = 3f;      // and on channel 1
    }
    filter.apply(signal, 1000, 2, 0, new double[filter.workLength(1000)]);
    assertThat(signal[1000]).isCloseTo(0, within(1e-3f));
    assertThat(signal[1001]).isEqualTo(3f);
  }

  @Test
  void rejectsImpossibleDesigns() {
    assertThatThrownBy(() -> new ButterworthFilter(0.5, 50, 2, 100)).hasMessageContaining("Nyquist");
    assertThatThrownBy(() -> new ButterworthFilter(0.5, 0, 3, 100)).hasMessageContaining("order");
    assertThat(new ButterworthFilter(0, 0, 2, 100).isIdentity()).isTrue();
  }
}
