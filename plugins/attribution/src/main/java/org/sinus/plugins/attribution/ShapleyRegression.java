package org.sinus.plugins.attribution;

import org.sinus.api.util.Parallel;

/**
 * Kernel SHAP's estimate of Shapley values from the outputs of weighted coalitions (Lundberg & Lee
 * 2017): the weighted least-squares fit of {@code f(z) − base ≈ Σ φ_k z_k} subject to
 * {@code Σ φ_k = f(x) − base}, the constraints that the empty and the full coalition (of infinite
 * kernel weight) impose. The constraint is kept exactly by eliminating the last feature,
 * {@code φ_m = f(x) − base − Σ_{k<m} φ_k}; the remaining normal equations are solved by Cholesky.
 * With every coalition and its exact kernel weight the solution is the exact Shapley values.
 */
final class ShapleyRegression {
  private static final int THREADS = Runtime.getRuntime().availableProcessors();

  private ShapleyRegression() {}

  /**
   * @param values the attribution of every feature; they sum to {@code f(x) − base}
   * @param ridge the ridge added to the normal equations because the coalitions did not determine
   *     every feature (0 when none was needed)
   */
  record Solution(double[] values, double ridge) {}

  /**
   * @param coalitions coalitions with their weights, neither empty nor full
   * @param outputs the output of each coalition
   * @param base the output of the empty coalition
   * @param full the output of the full coalition, f(x)
   * @param m the number of features
   */
  static Solution solve(Coalitions.Weighted coalitions, double[] outputs, double base, double full, int m) {
    double total = full - base;
    if (m == 1) {
      return new Solution(new double[] {total}, 0);
    }
    boolean[][] masks = coalitions.masks();
    double[] weights = coalitions.weights();
    int free = m - 1;
    double[][] normal = new double[free][free];
    double[] rhs = new double[free];
    Parallel.forEachIndex("shapley normal equations", THREADS, free, (state, j) -> {
      for (int i = 0; i < masks.length; i++) {
        int last = masks[i][free] ? 1 : 0;
        int aj = (masks[i][j] ? 1 : 0) - last;
        if (aj == 0) {
          continue;
        }
        double w = weights[i] * aj;
        rhs[j] += w * (outputs[i] - base - last * total);
        for (int k = 0; k < free; k++) {
          normal[j][k] += w * ((masks[i][k] ? 1 : 0) - last);
        }
      }
    });
    double ridge = 0;
    double[] solved = Cholesky.solve(normal, rhs, 0);
    if (solved == null) {
      double trace = 0;
      for (int j = 0; j < free; j++) {
        trace += normal[j][j];
      }
      ridge = 1e-8 * Math.max(trace / free, Double.MIN_NORMAL);
      solved = Cholesky.solve(normal, rhs, ridge);
    }
    double[] values = new double[m];
    double sum = 0;
    for (int j = 0; j < free; j++) {
      values[j] = solved[j];
      sum += solved[j];
    }
    values[free] = total - sum;
    return new Solution(values, ridge);
  }

  /** Cholesky factorization and solve of a symmetric positive definite system. */
  static final class Cholesky {
    private Cholesky() {}

    /**
     * The solution of {@code (a + ridge·I) x = b}, or null when that matrix is not numerically
     * positive definite (a pivot below {@code 1e-12} of the largest diagonal entry).
     */
    static double[] solve(double[][] a, double[] b, double ridge) {
      int n = b.length;
      double largest = 0;
      for (int i = 0; i < n; i++) {
        largest = Math.max(largest, a[i][i] + ridge);
      }
      double[][] l = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double sum = a[i][j] + (i == j ? ridge : 0);
          for (int k = 0; k < j; k++) {
            sum -= l[i][k] * l[j][k];
          }
          if (i == j) {
            if (!(sum > 1e-12 * largest)) {
              return null;
            }
            l[i][i] = Math.sqrt(sum);
          } else {
            l[i][j] = sum / l[j][j];
          }
        }
      }
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double sum = b[i];
        for (int k = 0; k < i; k++) {
          sum -= l[i][k] * y[k];
        }
        y[i] = sum / l[i][i];
      }
      double[] x = new double[n];
      for (int i = n - 1; i >= 0; i--) {
        double sum = y[i];
        for (int k = i + 1; k < n; k++) {
          sum -= l[k][i] * x[k];
        }
        x[i] = sum / l[i][i];
      }
      return x;
    }
  }
}
