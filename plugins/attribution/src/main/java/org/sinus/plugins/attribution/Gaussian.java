package org.sinus.plugins.attribution;

import java.util.SplittableRandom;

/** Standard normal draws (Box–Muller) from a seeded generator. */
final class Gaussian {
  private Gaussian() {}

  static double next(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
