package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Coalitions of {@code m} features ({@code present[k]} per feature): Kernel SHAP's, weighted by
 * the Shapley kernel, and LIME's random perturbations.
 */
final class Coalitions {
  private Coalitions() {}

  /**
   * Coalitions with their regression weights, neither empty nor full.
   *
   * @param masks the coalitions
   * @param weights each coalition's weight
   * @param exhaustive whether these are all {@code 2^m − 2} coalitions, each with its kernel weight
   */
  record Weighted(boolean[][] masks, double[] weights, boolean exhaustive) {}

  /**
   * The Shapley kernel's weight of one coalition of {@code size} of {@code m} features,
   * {@code (m − 1) / (C(m, size) · size · (m − size))} (Lundberg & Lee 2017); infinite for the
   * empty and the full coalition, which the regression takes as constraints instead.
   */
  static double shapleyKernel(int m, int size) {
    return (m - 1) / (binomial(m, size) * size * (m - size));
  }

  /** The kernel's weight of all coalitions of one size together: {@code (m − 1) / (size · (m − size))}. */
  private static double sizeMass(int m, int size) {
    return (m - 1) / ((double) size * (m - size));
  }

  /** {@code C(n, k)} as a double (exact up to 2^53). */
  static double binomial(int n, int k) {
    double value = 1;
    for (int i = 1; i <= Math.min(k, n - k); i++) {
      value = value * (n - Math.min(k, n - k) + i) / i;
    }
    return Math.rint(value);
  }

  /**
   * Kernel SHAP's coalitions for a budget of {@code budget} model evaluations, the empty and the
   * full coalition included: every coalition with its kernel weight when {@code 2^m} is at most the
   * budget. Otherwise, as the reference implementation does, sizes are taken in pairs
   * {@code (s, m − s)} from the smallest: a pair whose coalitions all fit in its share of the
   * remaining budget (its share of the kernel's weight) is enumerated with kernel weights; the
   * budget left is sampled in complementary pairs (a coalition and its complement, antithetic
   * sampling), the pair of sizes drawn in proportion to its kernel weight, each sampled coalition
   * weighted by the remaining kernel weight over the number drawn (repeats add up).
   */
  static Weighted shapley(int m, int budget, SplittableRandom random) {
    if (m < 2) {
      return new Weighted(new boolean[0][], new double[0], true);
    }
    if (m < 31 && (1L << m) <= budget) {
      return all(m);
    }
    Map<BitSet, Integer> index = new HashMap<>();
    List<boolean[]> masks = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    int half = m / 2;
    double[] mass = new double[half + 1];
    double remaining = 0;
    for (int s = 1; s <= half; s++) {
      mass[s] = sizeMass(m, s) * (s == m - s ? 1 : 2);
      remaining += mass[s];
    }
    int left = budget - 2;
    int size = 1;
    for (; size <= half; size++) {
      double count = binomial(m, size) * (size == m - size ? 1 : 2);
      if (count > left * mass[size] / remaining) {
        break;
      }
      double weight = shapleyKernel(m, size);
      for (boolean[] mask : ofSize(m, size)) {
        add(mask, weight, masks, weights, index);
        if (size != m - size) {
          add(complement(mask), weight, masks, weights, index);
        }
      }
      left -= (int) count;
      remaining -= mass[size];
    }
    int pairs = left / 2;
    for (int p = 0; p < pairs && size <= half; p++) {
      double draw = random.nextDouble() * remaining;
      int s = size;
      while (s < half && draw >= mass[s]) {
        draw -= mass[s];
        s++;
      }
      boolean[] mask = subset(m, s, random);
      add(mask, remaining / (2.0 * pairs), masks, weights, index);
      add(complement(mask), remaining / (2.0 * pairs), masks, weights, index);
    }
    return new Weighted(masks.toArray(new boolean[0][]), weights.stream().mapToDouble(Double::doubleValue).toArray(),
        false);
  }

  /**
   * LIME's perturbations: the unperturbed coalition (every feature present) first, then
   * {@code count − 1} coalitions whose number of absent features is drawn uniformly from
   * {@code 1..m}, and which ones at random (as LIME's text explainer samples).
   */
  static boolean[][] random(int m, int count, SplittableRandom random) {
    boolean[][] masks = new boolean[count][];
    masks[0] = new boolean[m];
    Arrays.fill(masks[0], true);
    for (int i = 1; i < count; i++) {
      masks[i] = subset(m, m - 1 - random.nextInt(m), random);
    }
    return masks;
  }

  /** Every coalition but the empty and the full one, with its kernel weight. */
  private static Weighted all(int m) {
    int count = (1 << m) - 2;
    boolean[][] masks = new boolean[count][m];
    double[] weights = new double[count];
    for (int bits = 1; bits <= count; bits++) {
      for (int k = 0; k < m; k++) {
        masks[bits - 1][k] = (bits & (1 << k)) != 0;
      }
      weights[bits - 1] = shapleyKernel(m, Integer.bitCount(bits));
    }
    return new Weighted(masks, weights, true);
  }

  /** Every coalition of {@code size} features, in lexicographic order of their indices. */
  private static List<boolean[]> ofSize(int m, int size) {
    List<boolean[]> masks = new ArrayList<>();
    int[] chosen = new int[size];
    for (int i = 0; i < size; i++) {
      chosen[i] = i;
    }
    while (true) {
      boolean[] mask = new boolean[m];
      for (int k : chosen) {
        mask[k] = true;
      }
      masks.add(mask);
      int i = size - 1;
      while (i >= 0 && chosen[i] == m - size + i) {
        i--;
      }
      if (i < 0) {
        return masks;
      }
      chosen[i]++;
      for (int j = i + 1; j < size; j++) {
        chosen[j] = chosen[j - 1] + 1;
      }
    }
  }

  /** {@code size} of {@code m} features chosen uniformly at random (a partial Fisher–Yates shuffle). */
  private static boolean[] subset(int m, int size, SplittableRandom random) {
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    boolean[] mask = new boolean[m];
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(m - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
      mask[order[i]] = true;
    }
    return mask;
  }

  private static boolean[] complement(boolean[] mask) {
    boolean[] out = new boolean[mask.length];
    for (int k = 0; k < mask.length; k++) {
      out[k] = !mask[k];
    }
    return out;
  }

  private static void add(boolean[] mask, double weight, List<boolean[]> masks, List<Double> weights,
                          Map<BitSet, Integer> index) {
    BitSet key = new BitSet(mask.length);
    for (int k = 0; k < mask.length; k++) {
      key.set(k, mask[k]);
    }
    Integer at = index.get(key);
    if (at == null) {
      index.put(key, masks.size());
      masks.add(mask);
      weights.add(weight);
    } else {
      weights.set(at, weights.get(at) + weight);
    }
  }
}
