package org.sinus.plugins.hybrid;

/**
 * Binary logistic regression with an L2 penalty on the coefficients (not on the intercept),
 * fitted exactly by Newton's method: for a handful of features (one per branch) this reaches the
 * optimum in a few steps, deterministically, where a stochastic-gradient trainer would need a
 * learning rate and epochs chosen for it.
 *
 * @param coefficients one per feature
 * @param intercept the bias
 */
record LogisticRegression(double[] coefficients, double intercept) {
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-10;

  /**
   * Minimises {@code −Σ log-likelihood + l2/2 · |coefficients|²}.
   *
   * @param x {@code [example][feature]}
   * @param y labels
   */
  static LogisticRegression fit(double[][] x, boolean[] y, double l2) {
    int features = x[0].length;
    int size = features + 1;                                    // intercept last
    double[] beta = new double[size];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[size];
      double[][] hessian = new double[size][size];
      for (int i = 0; i < x.length; i++) {
        double p = sigmoid(linear(beta, x[i]));
        double residual = (y[i] ? 1 : 0) - p;
        double weight = p * (1 - p);
        for (int j = 0; j < size; j++) {
          double xj = j < features ? x[i][j] : 1;
          gradient[j] += residual * xj;
          for (int k = 0; k < size; k++) {
            hessian[j][k] += weight * xj * (k < features ? x[i][k] : 1);
          }
        }
      }
      for (int j = 0; j < features; j++) {
        gradient[j] -= l2 * beta[j];
        hessian[j][j] += l2;
      }
      hessian[features][features] += 1e-9;                      // keeps it invertible with one-sided labels
      double[] step = solve(hessian, gradient);
      double change = 0;
      for (int j = 0; j < size; j++) {
        beta[j] += step[j];
        change = Math.max(change, Math.abs(step[j]));
      }
      if (change < TOLERANCE) {
        break;
      }
    }
    double[] coefficients = new double[features];
    System.arraycopy(beta, 0, coefficients, 0, features);
    return new LogisticRegression(coefficients, beta[features]);
  }

  /** The probability of the positive class. */
  double predict(double[] x) {
    double z = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      z += coefficients[j] * x[j];
    }
    return sigmoid(z);
  }

  private static double linear(double[] beta, double[] x) {
    double z = beta[beta.length - 1];
    for (int j = 0; j < x.length; j++) {
      z += beta[j] * x[j];
    }
    return z;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** Solves {@code a · x = b} by Gaussian elimination with partial pivoting (a is small and positive definite). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      for (int row = col + 1; row < n; row++) {
        double factor = m[row][col] / m[col][col];
        for (int k = col; k <= n; k++) {
          m[row][k] -= factor * m[col][k];
        }
      }
    }
    double[] x = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double sum = m[row][n];
      for (int k = row + 1; k < n; k++) {
        sum -= m[row][k] * x[k];
      }
      x[row] = sum / m[row][row];
    }
    return x;
  }
}
