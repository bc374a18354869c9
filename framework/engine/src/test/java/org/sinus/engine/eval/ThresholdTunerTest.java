package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdTunerTest {
  @Test
  void picksTheScoreThatMaximisesF1() {
    // 3 positives. F1 = 2TP / (TP + FP + P) for "score ≥ t":
    //   t 0.9: 2·1/(1+0+3) = 0.5   0.8: 2/5 = 0.4   0.7: 4/6 = 0.667
    //   t 0.6: 6/7 = 0.857 (best)   0.4: 6/8 = 0.75   0.3: 6/9 = 0.667
    Predictions validation = EvalFixtures.column("validation", "MI", new float[] {0.4f, 0.9f, 0.7f, 0.3f, 0.6f, 0.8f},
        0, 1, 1, 0, 1, 0);
    Thresholds t = ThresholdTuner.tune(validation);
    assertThat(t.get(0)).isEqualTo((double) 0.6f);
    assertThat(t.tuningF1().get(0).get()).isEqualTo(6 / 7.0);
    assertThat(t.tunedOn()).isEqualTo("validation");
    assertThat(t.source()).isEqualTo("tuned per class on validation to maximise F1");
    assertThat(t.notes()).isEmpty();
    // applied to the same records, the tuned F1 comes back exactly
    assertThat(ConfusionCounts.at(validation, 0, t.get(0)).f1().get()).isEqualTo(6 / 7.0);
  }

  @Test
  void equalF1KeepsTheHighestThreshold() {
    // 2 positives. t 0.9: 2·1/(1+0+2) = 2/3; 0.8: 2/4; 0.7: 2/5; 0.6: 2·2/(2+2+2) = 2/3 → tie, 0.9 wins
    Predictions validation = EvalFixtures.column("validation", "CD", new float[] {0.6f, 0.7f, 0.8f, 0.9f}, 1, 0, 0, 1);
    assertThat(ThresholdTuner.tune(validation).get(0)).isEqualTo((double) 0.9f);
  }

  @Test
  void tunedOnValidationAppliedToTest() {
    // validation as in picksTheScoreThatMaximisesF1 → threshold 0.6
    Predictions validation = EvalFixtures.column("validation", "MI", new float[] {0.4f, 0.9f, 0.7f, 0.3f, 0.6f, 0.8f},
        0, 1, 1, 0, 1, 0);
    Predictions test = EvalFixtures.column("test", "MI", new float[] {0.65f, 0.55f, 0.95f, 0.6f, 0.1f}, 1, 1, 0, 1, 0);
    Thresholds t = ThresholdTuner.tune(validation);
    // test at 0.6: 0.65(pos) TP, 0.55(pos) FN, 0.95(neg) FP, 0.6(pos) TP (equal counts as positive), 0.1(neg) TN
    ConfusionCounts counts = ThresholdMetrics.counts(test, t).get(0);
    assertThat(counts).isEqualTo(new ConfusionCounts(2, 1, 1, 1));
    assertThat(counts.f1().get()).isEqualTo(4 / 6.0); // 2·2 / (2·2 + 1 + 1)
    // the test set's own best threshold would be 0.55 (F1 2·3/(2·3+1+0) = 6/7): tuning on test would flatter it
    assertThat(ThresholdTuner.tune(test).tuningF1().get(0).get()).isEqualTo(6 / 7.0);
  }

  @Test
  void classWithoutPositivesIsNeverPredictedAndSaysSo() {
    Predictions validation = Predictions.of("validation", EvalFixtures.multiLabel("NORM", "HYP"),
        new float[] {0.9f, 0.3f, 0.2f, 0.7f, 0.6f, 0.1f}, new boolean[] {true, false, false, false, true, false});
    Thresholds t = ThresholdTuner.tune(validation);
    assertThat(t.get(1)).isGreaterThan(0.7f).isEqualTo(Math.nextUp((double) 0.7f));
    assertThat(t.tuningF1().get(1).isDefined()).isFalse();
    assertThat(t.notes()).containsExactly("class HYP has no positive records in validation, so its threshold cannot be "
        + "tuned; it is set just above the highest score (0.7) and the class is never predicted");
    assertThat(ConfusionCounts.at(validation, 1, t.get(1)).predictedPositives()).isZero();
    // NORM: 0.9(pos) 0.6(pos) 0.2(neg): threshold 0.6 gives F1 1
    assertThat(t.get(0)).isEqualTo((double) 0.6f);
  }

  @Test
  void classWithOnlyPositivesPredictsEverything() {
    Predictions validation = EvalFixtures.column("validation", "NORM", new float[] {0.2f, 0.5f, 0.1f}, 1, 1, 1);
    Thresholds t = ThresholdTuner.tune(validation);
    assertThat(t.get(0)).isEqualTo((double) 0.1f);
    assertThat(t.tuningF1().get(0).get()).isEqualTo(1.0);
  }

  @Test
  void fixedThresholdsDescribeThemselves() {
    assertThat(Thresholds.fixed(List.of("A", "B"), 0.5).source()).isEqualTo("fixed at 0.5 for every class");
    assertThat(Thresholds.given(List.of("A", "B"), 0.3, 0.6).source()).isEqualTo("given per class");
  }
}
