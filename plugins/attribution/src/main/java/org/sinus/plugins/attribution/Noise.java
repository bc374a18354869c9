package org.sinus.plugins.attribution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.sinus.api.explain.Examples;

/** Gaussian noise on examples, and SmoothGrad's average of an attribution over noisy copies (Smilkov et al. 2017). */
final class Noise {
  private Noise() {}

  /**
   * A copy of {@code examples} with independent Gaussian noise on every value, of standard
   * deviation {@code fraction} × the value range (max − min) of each example of each input:
   * SmoothGrad's noise level.
   */
  static Examples relative(Examples examples, double fraction, SplittableRandom random) {
    Map<String, float[]> noisy = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> input : examples.values().entrySet()) {
      float[] values = input.getValue();
      int size = examples.shapes().get(input.getKey()).size();
      float[] copy = new float[values.length];
      for (int e = 0; e < examples.count(); e++) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = e * size; i < (e + 1) * size; i++) {
          min = Math.min(min, values[i]);
          max = Math.max(max, values[i]);
        }
        add(values, copy, e * size, (e + 1) * size, fraction * (max - min), random);
      }
      noisy.put(input.getKey(), copy);
    }
    return new Examples(noisy, examples.shapes(), examples.count());
  }

  /** {@code out[i] = values[i] + sigma · N(0, 1)} for {@code i} in {@code [from, to)}. */
  static void add(float[] values, float[] out, int from, int to, double sigma, SplittableRandom random) {
    for (int i = from; i < to; i++) {
      out[i] = (float) (values[i] + sigma * Gaussian.next(random));
    }
  }

  /**
   * SmoothGrad: the mean of {@code attribution} of {@code samples} copies of {@code examples} with
   * {@link #relative} noise of {@code fraction}.
   */
  static Examples smoothed(Examples examples, int samples, double fraction, SplittableRandom random,
                           UnaryOperator<Examples> attribution) {
    Map<String, float[]> sums = new LinkedHashMap<>();
    examples.values().forEach((name, values) -> sums.put(name, new float[values.length]));
    for (int sample = 0; sample < samples; sample++) {
      attribution.apply(relative(examples, fraction, random)).values().forEach((name, values) -> {
        float[] sum = sums.get(name);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += values[i] / samples;
        }
      });
    }
    return new Examples(sums, examples.shapes(), examples.count());
  }
}
