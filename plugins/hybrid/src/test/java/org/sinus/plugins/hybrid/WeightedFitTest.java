package org.sinus.plugins.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinus.api.model.FusionData;
import org.sinus.api.model.FusionFit;

/**
 * The weighted fusion puts its weight on the branch that carries the label, shrinks towards equal
 * weights when the cross-fitted AUC says the fit does not generalize, and scores each validation
 * record with weights fitted without it.
 */
class WeightedFitTest {
  @Test
  void theSimplexGridHoldsEveryCompositionOnce() {
    List<double[]> grid = WeightedFit.simplexGrid(3, 20);
    assertThat(grid).hasSize(231);                               // C(22, 2)
    assertThat(grid).allSatisfy(w -> assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-12)));
    assertThat(WeightedFit.shrink(new double[] {1, 0}, 0.5)).containsExactly(0.75, 0.25);
  }

  @Test
  void theInformativeBranchGetsTheWeight() {
    FusionData data = FusionDataFixtures.branches(300, 3, 2, new double[] {2.0, 0.0}, 1);
    FusionFit fit = new WeightedFit(0.05, List.of(0.0), 5).fit(data);
    float[] weights = fit.variables().get(LateFusion.WEIGHTS);          // [branch][class]
    for (int c = 0; c < 2; c++) {
      assertThat(weights[c]).as("branch 0, class " + c).isGreaterThan(0.85f);
      assertThat(weights[c] + weights[2 + c]).isCloseTo(1f, within(1e-6f));
    }
  }

  @Test
  void twoEquallyGoodBranchesKeepShrinkageAndEqualWeightsWin() {
    // both branches carry the same signal with independent noise: the average beats either alone,
    // so the cross-fitted AUC favours full shrinkage towards equal weights
    FusionData data = FusionDataFixtures.branches(300, 3, 2, new double[] {1.0, 1.0}, 2);
    FusionFit fit = new WeightedFit(0.05, List.of(0.0, 0.5, 1.0), 5).fit(data);
    @SuppressWarnings("unchecked")
    Map<String, Double> byShrinkage = (Map<String, Double>) fit.details().get("cross_fitted_macro_auc_by_shrinkage");
    assertThat(byShrinkage).containsOnlyKeys("0.0", "0.5", "1.0");
    double chosen = (double) fit.details().get("shrinkage");
    assertThat(byShrinkage.get(String.valueOf(chosen))).isEqualTo(byShrinkage.values().stream().max(Double::compare).get());
    float[] weights = fit.variables().get(LateFusion.WEIGHTS);
    assertThat(Math.abs(weights[0] - 0.5f)).isLessThanOrEqualTo((float) (0.5 * (1 - chosen)) + 1e-6f);
  }

  @Test
  void aRecordsCrossFittedScoreDoesNotDependOnItsOwnLabel() {
    FusionData data = FusionDataFixtures.branches(120, 3, 1, new double[] {1.5, 0.5}, 3);
    WeightedFit fit = new WeightedFit(0.05, List.of(0.0), 4);
    float[] before = fit.fit(data).outOfFold();
    for (int r : new int[] {0, 17, 64}) {
      float[] after = fit.fit(FusionDataFixtures.flipped(data, r, 0)).outOfFold();
      assertThat(after[r]).as("record " + r).isEqualTo(before[r]);
    }
  }

  @Test
  void theAverageFitsNothing() {
    FusionData data = FusionDataFixtures.branches(10, 2, 1, new double[] {1, 1}, 4);
    FusionFit fit = WeightedFit.average(data);
    assertThat(fit.variables()).isEmpty();
    double expected = Math.max((data.probability(0, 0, 0, 0) + data.probability(0, 0, 1, 0)) / 2.0,
        (data.probability(0, 1, 0, 0) + data.probability(0, 1, 1, 0)) / 2.0);
    assertThat(fit.outOfFold()[0]).isCloseTo((float) expected, within(1e-6f));
  }
}
