package org.sinus.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignalResamplerTest {
  /** Two channels: a sine of {@code hz} and its negation plus an offset, {@code seconds} long at {@code rate}. */
  private static float[] sines(double hz, double rate, double seconds) {
    int n = (int) Math.round(rate * seconds);
    float[] signal = new float[n * 2];
    for (int t = 0; t < n; t++) {
      double value = Math.sin(2 * Math.PI * hz * t / rate);
      signal[2 * t] = (float) value;
      signal[2 * t + 1] = (float) (0.5 - value);
    }
    return signal;
  }

  /** Largest difference of {@code actual} from {@code expected} away from the first and last second. */
  private static double interiorError(float[] actual, float[] expected, int channels, int rate) {
    double max = 0;
    for (int i = rate * channels; i < expected.length - rate * channels; i++) {
      max = Math.max(max, Math.abs(actual[i] - expected[i]));
    }
    return max;
  }

  @Test
  void downsamplingKeepsASineInTheBandSampleForSample() {
    float[] resampled = SignalResampler.resample(sines(5, 500, 10), 2, 500, 100);
    assertThat(resampled).hasSize(1000 * 2);
    assertThat(interiorError(resampled, sines(5, 100, 10), 2, 100)).isLessThan(2e-3);
  }

  @Test
  void upsamplingByANonIntegerFactorKeepsASine() {
    float[] resampled = SignalResampler.resample(sines(7, 100, 10), 2, 100, 250);
    assertThat(resampled).hasSize(2500 * 2);
    assertThat(interiorError(resampled, sines(7, 250, 10), 2, 250)).isLessThan(2e-3);
  }

  @Test
  void aComponentAboveTheNewNyquistFrequencyIsRemovedNotAliased() {
    // 70 Hz at 500 Hz would alias to 30 Hz at 100 Hz; the anti-aliasing low-pass removes it
    float[] resampled = SignalResampler.resample(sines(70, 500, 10), 2, 500, 100);
    double max = 0;
    for (int t = 100; t < 900; t++) {
      max = Math.max(max, Math.abs(resampled[2 * t]));
      assertThat(resampled[2 * t + 1]).isCloseTo(0.5f, within(0.01f));
    }
    assertThat(max).isLessThan(0.01);
  }

  @Test
  void aConstantSignalStaysExactlyConstantUpToTheEdges() {
    float[] flat = new float[300];
    Arrays.fill(flat, 1.25f);
    for (float value : SignalResampler.resample(flat, 3, 360, 100)) {
      assertThat(value).isCloseTo(1.25f, within(1e-6f));
    }
  }

  @Test
  void theOutputLengthIsTheDurationAtTheNewRate() {
    assertThat(SignalResampler.outputSamples(5000, 500, 100)).isEqualTo(1000);
    assertThat(SignalResampler.outputSamples(3600, 360, 100)).isEqualTo(1000);
    assertThat(SignalResampler.outputSamples(1000, 100, 257)).isEqualTo(2570);
  }
}
