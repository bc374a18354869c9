package org.sinus.plugins.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sinus.api.model.FusionData;
import org.sinus.api.model.FusionFit;

/**
 * The stacking meta-model: the logistic regression is at its penalized optimum, it weighs the
 * informative branch up, and every validation record is scored by a meta-model that never saw it.
 */
class StackingFitTest {
  @Test
  void theLogisticRegressionSatisfiesItsOptimalityConditions() {
    SplittableRandom random = new SplittableRandom(5);
    int n = 400;
    double[][] x = new double[n][2];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = random.nextDouble() * 4 - 2;
      x[i][1] = random.nextDouble() * 4 - 2;
      y[i] = random.nextDouble() < LogisticRegression.sigmoid(1.5 * x[i][0] - 0.5 * x[i][1] + 0.3);
    }
    double l2 = 2.0;
    LogisticRegression fit = LogisticRegression.fit(x, y, l2);
    // ∂/∂β_j: Σ (y − p) x_j − l2 β_j = 0, and Σ (y − p) = 0 for the unpenalized intercept
    double[] gradient = new double[3];
    for (int i = 0; i < n; i++) {
      double residual = (y[i] ? 1 : 0) - fit.predict(x[i]);
      gradient[0] += residual * x[i][0];
      gradient[1] += residual * x[i][1];
      gradient[2] += residual;
    }
    assertThat(gradient[0] - l2 * fit.coefficients()[0]).isCloseTo(0, within(1e-8));
    assertThat(gradient[1] - l2 * fit.coefficients()[1]).isCloseTo(0, within(1e-8));
    assertThat(gradient[2]).isCloseTo(0, within(1e-8));
    // the signs and order of the generating coefficients (1.5, −0.5) survive the penalty
    assertThat(fit.coefficients()[0]).isGreaterThan(1.0);
    assertThat(fit.coefficients()[1]).isNegative();
  }

  @Test
  void theInformativeBranchGetsTheLargerCoefficient() {
    FusionData data = FusionDataFixtures.branches(300, 3, 2, new double[] {2.0, 0.2}, 6);
    FusionFit fit = new StackingFit(1.0, 5).fit(data);
    float[] coefficients = fit.variables().get(LateFusion.COEFFICIENTS);      // [branch][class]
    for (int c = 0; c < 2; c++) {
      assertThat(coefficients[c]).isGreaterThan(3 * Math.abs(coefficients[2 + c]));
    }
    assertThat(fit.variables().get(LateFusion.INTERCEPTS)).hasSize(2);
  }

  @Test
  void aRecordsCrossFittedScoreDoesNotDependOnItsOwnLabel() {
    FusionData data = FusionDataFixtures.branches(120, 3, 1, new double[] {1.5, 0.5}, 7);
    StackingFit stacking = new StackingFit(1.0, 4);
    float[] before = stacking.fit(data).outOfFold();
    for (int r : new int[] {3, 50, 119}) {
      float[] after = stacking.fit(FusionDataFixtures.flipped(data, r, 0)).outOfFold();
      assertThat(after[r]).as("record " + r).isEqualTo(before[r]);
    }
    // ...while the meta-model fitted on all records does see it
    float[] all = stacking.fit(data).variables().get(LateFusion.COEFFICIENTS);
    float[] flipped = stacking.fit(FusionDataFixtures.flipped(data, 3, 0)).variables().get(LateFusion.COEFFICIENTS);
    assertThat(flipped).isNotEqualTo(all);
  }
}
