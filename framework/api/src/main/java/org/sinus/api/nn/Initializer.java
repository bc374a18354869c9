package org.sinus.api.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Initial values of a variable, generated in Java from a seed so that a run's initial weights are
 * reproducible bit for bit and independent of the order in which layers are built.
 */
@FunctionalInterface
public interface Initializer {

  /** Values for a variable of {@code shape} with the given fan-in and fan-out. */
  float[] values(long[] shape, int fanIn, int fanOut, SplittableRandom random);

  static Initializer constant(float value) {
    return (shape, fanIn, fanOut, random) -> {
      float[] values = new float[size(shape)];
      Arrays.fill(values, value);
      return values;
    };
  }

  /** He et al. (2015) normal with gain √2 over fan-in: PyTorch's {@code kaiming_normal_} default. */
  static Initializer kaimingNormal() {
    return (shape, fanIn, fanOut, random) -> normal(size(shape), Math.sqrt(2.0 / fanIn), random);
  }

  /**
   * PyTorch's default for linear and convolution layers ({@code kaiming_uniform_(a=√5)}):
   * uniform on ±1/√fan-in.
   */
  static Initializer lecunUniform() {
    return (shape, fanIn, fanOut, random) -> uniform(size(shape), 1.0 / Math.sqrt(fanIn), random);
  }

  /** Glorot &amp; Bengio (2010) uniform, the usual choice for attention projections. */
  static Initializer xavierUniform() {
    return (shape, fanIn, fanOut, random) -> uniform(size(shape), Math.sqrt(6.0 / (fanIn + fanOut)), random);
  }

  /** Normal with the given standard deviation (e.g. learned position embeddings). */
  static Initializer normal(double std) {
    return (shape, fanIn, fanOut, random) -> normal(size(shape), std, random);
  }

  private static float[] normal(int size, double std, SplittableRandom random) {
    float[] values = new float[size];
    for (int i = 0; i < size; i += 2) {
      // Box-Muller: two normals from two uniforms
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      double radius = Math.sqrt(-2.0 * Math.log(u1));
      values[i] = (float) (std * radius * Math.cos(2 * Math.PI * u2));
      if (i + 1 < size) {
        values[i + 1] = (float) (std * radius * Math.sin(2 * Math.PI * u2));
      }
    }
    return values;
  }

  private static float[] uniform(int size, double bound, SplittableRandom random) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    return values;
  }

  static int size(long[] shape) {
    long size = 1;
    for (long dimension : shape) {
      size *= dimension;
    }
    return Math.toIntExact(size);
  }
}
