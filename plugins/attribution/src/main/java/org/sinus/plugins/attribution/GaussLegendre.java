package org.sinus.plugins.attribution;

/**
 * Gauss–Legendre quadrature on [0, 1]: {@code n} nodes and weights that integrate polynomials of
 * degree up to {@code 2n − 1} exactly (Captum's default rule for integrated gradients). The nodes
 * are the roots of the Legendre polynomial P_n, found by Newton's method from Chebyshev-like
 * starting points (as Numerical Recipes' {@code gauleg}).
 *
 * @param nodes the points α in (0, 1), ascending
 * @param weights their weights, summing to 1
 */
record GaussLegendre(double[] nodes, double[] weights) {

  static GaussLegendre of(int n) {
    double[] nodes = new double[n];
    double[] weights = new double[n];
    for (int i = 0; i < (n + 1) / 2; i++) {
      double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double derivative;
      double previous;
      int iterations = 0;
      do {
        double p1 = 1;
        double p2 = 0;
        for (int j = 1; j <= n; j++) {
          double p3 = p2;
          p2 = p1;
          p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
        }
        derivative = n * (z * p1 - p2) / (z * z - 1);
        previous = z;
        z = previous - p1 / derivative;
      } while (Math.abs(z - previous) > 1e-14 && ++iterations < 100);
      // the roots ±z on [−1, 1] map to (1 ∓ z) / 2 on [0, 1]; weights 2 / ((1 − z²) P_n'(z)²) halve
      double weight = 1 / ((1 - z * z) * derivative * derivative);
      nodes[i] = (1 - z) / 2;
      nodes[n - 1 - i] = (1 + z) / 2;
      weights[i] = weight;
      weights[n - 1 - i] = weight;
    }
    return new GaussLegendre(nodes, weights);
  }
}
