package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoalitionsTest {

  private static int size(boolean[] mask) {
    int size = 0;
    for (boolean present : mask) {
      size += present ? 1 : 0;
    }
    return size;
  }

  private static double totalKernelWeight(int m) {
    double total = 0;
    for (int s = 1; s < m; s++) {
      total += Coalitions.binomial(m, s) * Coalitions.shapleyKernel(m, s);
    }
    return total;
  }

  @Test
  void theShapleyKernelWeighsACoalitionBySize() {
    assertThat(Coalitions.binomial(12, 4)).isEqualTo(495);
    assertThat(Coalitions.shapleyKernel(12, 4)).isCloseTo(11.0 / (495 * 4 * 8), within(1e-15));
    assertThat(Coalitions.shapleyKernel(12, 1)).isEqualTo(Coalitions.shapleyKernel(12, 11));
    assertThat(Coalitions.shapleyKernel(12, 1)).isGreaterThan(Coalitions.shapleyKernel(12, 6));
  }

  @Test
  void aBudgetOfAllCoalitionsEnumeratesThemWithKernelWeights() {
    Coalitions.Weighted all = Coalitions.shapley(10, 1024, new SplittableRandom(1));
    assertThat(all.exhaustive()).isTrue();
    assertThat(all.masks()).hasNumberOfRows(1022);
    assertThat(Arrays.stream(all.masks()).map(Arrays::toString).distinct().count()).isEqualTo(1022);
    for (int i = 0; i < all.masks().length; i++) {
      assertThat(all.weights()[i]).isEqualTo(Coalitions.shapleyKernel(10, size(all.masks()[i])));
    }
    assertThat(Coalitions.shapley(10, 1023, new SplittableRandom(1)).exhaustive()).isFalse();
  }

  @Test
  void sampledCoalitionsComeInComplementaryPairsAndKeepTheKernelsTotalWeight() {
    int m = 40;
    Coalitions.Weighted sample = Coalitions.shapley(m, 2000, new SplittableRandom(3));
    assertThat(sample.exhaustive()).isFalse();
    assertThat(sample.masks().length).isBetween(1000, 1998);
    Map<String, Double> weights = new HashMap<>();
    for (int i = 0; i < sample.masks().length; i++) {
      weights.put(Arrays.toString(sample.masks()[i]), sample.weights()[i]);
      int size = size(sample.masks()[i]);
      assertThat(size).isBetween(1, m - 1);
    }
    for (boolean[] mask : sample.masks()) {
      boolean[] complement = new boolean[m];
      for (int k = 0; k < m; k++) {
        complement[k] = !mask[k];
      }
      assertThat(weights).as("the complement of a coalition, with its weight")
          .containsEntry(Arrays.toString(complement), weights.get(Arrays.toString(mask)));
    }
    assertThat(Arrays.stream(sample.weights()).sum()).isCloseTo(totalKernelWeight(m), within(1e-9));
    long singles = Arrays.stream(sample.masks()).filter(mask -> size(mask) == 1).count();
    assertThat(singles).as("the coalitions of one feature fit in the budget: all enumerated").isEqualTo(m);
    for (int i = 0; i < sample.masks().length; i++) {
      if (size(sample.masks()[i]) == 1) {
        assertThat(sample.weights()[i]).isEqualTo(Coalitions.shapleyKernel(m, 1));
      }
    }
  }

  @Test
  void limeSamplesStartWithTheUnperturbedSignalAndDrawHowManyAreAbsent() {
    boolean[][] masks = Coalitions.random(8, 2000, new SplittableRandom(5));
    assertThat(size(masks[0])).isEqualTo(8);
    int[] absent = new int[9];
    for (int i = 1; i < masks.length; i++) {
      absent[8 - size(masks[i])]++;
    }
    assertThat(absent[0]).as("every perturbed sample has an absent feature").isZero();
    for (int count = 1; count <= 8; count++) {
      assertThat(absent[count]).as("%d absent", count).isBetween(180, 320);
    }
    assertThat(Coalitions.random(8, 50, new SplittableRandom(5))).isDeepEqualTo(
        Coalitions.random(8, 50, new SplittableRandom(5)));
  }
}
