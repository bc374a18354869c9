package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ROC AUC and the ROC curve against scikit-learn: pairs, ties, undefined classes, logits and weights. */
class RocAucTest {
  @Test
  void negativeScoresSuchAsLogitsRankAsNumbers() {
    // logits: the same ranking as countsConcordantPairs, all below zero and on both sides of it
    // (-3.0 < -1.2 < -0.5 < 0.7): positives -0.5 and 0.7, negatives -3.0 and -1.2 → every pair right
    boolean[] labels = {false, false, true, true};
    assertThat(RocAuc.auc(new float[] {-3.0f, -1.2f, -0.5f, 0.7f}, labels).get()).isEqualTo(1.0);
    // -0.4 above -0.5: one pair wrong → 3 of 4
    assertThat(RocAuc.auc(new float[] {-3.0f, -0.4f, -0.5f, -0.1f}, labels).get()).isEqualTo(0.75);
    RocCurve curve = RocAuc.curve(new float[] {-3.0f, -0.4f, -0.5f, -0.1f}, labels);
    assertThat(curve.size()).isEqualTo(5);
    assertThat(curve.thresholds()).containsExactly(Double.POSITIVE_INFINITY, -0.1f, -0.4f, -0.5f, -3.0f);
    assertThat(curve.area()).isEqualTo(0.75);
  }

  @Test
  void countsConcordantPairs() {
    // scikit-learn's docstring example. Positives 0.35, 0.8; negatives 0.1, 0.4.
    // Pairs (pos > neg): 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes → 3 of 4 = 0.75
    MetricValue auc = RocAuc.auc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new boolean[] {false, false, true, true});
    assertThat(auc.get()).isEqualTo(0.75);
  }

  @Test
  void tiedScoresCountHalf() {
    // 5 positives, 4 negatives → 20 pairs. Walking scores from the top (p = positives, q = negatives):
    //   0.9: p1 q0 → 0                              positives above so far: 1
    //   0.8: p2 q1 → q·above + q·p/2 = 1 + 1 = 2    above: 3
    //   0.5: p1 q1 → 1·3 + 1/2 = 3.5                above: 4
    //   0.3: p0 q2 → 2·4 = 8                        above: 4
    //   0.1: p1 q0 → 0
    // (2 + 3.5 + 8) / 20 = 0.675; sklearn roc_auc_score gives 0.675 (sklearn_reference.py "ties auc")
    Predictions p = EvalFixtures.column("test", "NORM", new float[] {0.9f, 0.8f, 0.8f, 0.8f, 0.5f, 0.5f, 0.3f, 0.3f, 0.1f},
        1, 1, 0, 1, 0, 1, 0, 0, 1);
    assertThat(RocAuc.auc(p, 0).get()).isEqualTo(0.675);
  }

  @Test
  void recordOrderDoesNotMatter() {
    // the tie example again, shuffled
    Predictions p = EvalFixtures.column("test", "NORM", new float[] {0.3f, 0.8f, 0.1f, 0.5f, 0.9f, 0.8f, 0.3f, 0.5f, 0.8f},
        0, 0, 1, 1, 1, 1, 0, 0, 1);
    assertThat(RocAuc.auc(p, 0).get()).isEqualTo(0.675);
  }

  @Test
  void allTiedIsOneHalfAndPerfectRankingIsOne() {
    assertThat(RocAuc.auc(new float[] {0.5f, 0.5f, 0.5f}, new boolean[] {true, false, true}).get()).isEqualTo(0.5);
    assertThat(RocAuc.auc(new float[] {0.2f, 0.9f, 0.1f}, new boolean[] {true, true, false}).get()).isEqualTo(1.0);
    assertThat(RocAuc.auc(new float[] {0.2f, 0.9f, 0.95f}, new boolean[] {true, true, false}).get()).isEqualTo(0.0);
  }

  @Test
  void negativeScoresAndSignedZeroRankCorrectly() {
    // logits rather than probabilities: -0 and +0 tie. Positives -0.0, 2.0; negatives -3.0, 0.0, 1.0.
    // pairs: -0 vs -3 win, -0 vs 0 tie (1/2), -0 vs 1 loss; 2 beats all three → (1 + 0.5 + 3) / 6 = 0.75
    MetricValue auc = RocAuc.auc(new float[] {-0.0f, 2f, -3f, 0f, 1f}, new boolean[] {true, true, false, false, false});
    assertThat(auc.get()).isEqualTo(0.75);
  }

  @Test
  void oneSidedClassIsUndefinedWithReasonAndLeftOutOfMacro() {
    // class HYP is positive in every record; NORM has AUC 1 (positives 0.9, 0.8 above negatives 0.2, 0.2)
    // MI: positives 0.6 (r0), 0.1 (r2); negatives 0.4 (r1), 0.3 (r3): pairs 0.6>0.4, 0.6>0.3, 0.1<0.4, 0.1<0.3 → 2/4
    float[] scores = {
        0.9f, 0.7f, 0.6f,
        0.2f, 0.8f, 0.4f,
        0.8f, 0.6f, 0.1f,
        0.2f, 0.9f, 0.3f};
    boolean[] targets = {
        true, true, true,
        false, true, false,
        true, true, true,
        false, true, false};
    Predictions p = Predictions.of("test", EvalFixtures.multiLabel("NORM", "HYP", "MI"), scores, targets);

    MetricValue hyp = RocAuc.auc(p, 1);
    assertThat(hyp.isDefined()).isFalse();
    assertThat(hyp.undefinedReason()).isEqualTo(
        "class HYP has no negative records in test (all 4 are positive); its AUC is undefined and left out of the macro average");
    assertThatThrownBy(hyp::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("HYP");

    MacroAverage macro = RocAuc.macro(p);
    assertThat(macro.value().get()).isEqualTo((1.0 + 0.5) / 2);
    assertThat(macro.included()).containsExactly("NORM", "MI");
    assertThat(macro.excluded()).containsOnlyKeys("HYP");
    assertThat(macro.exclusionNote("AUC")).isEqualTo("macro AUC averages 2 of 3 classes; left out: HYP");
    assertThat(RocAuc.macroMetric(p).compute()).isEqualTo(0.75);
  }

  @Test
  void classWithoutPositivesIsUndefinedToo() {
    MetricValue auc = RocAuc.auc(EvalFixtures.column("validation", "STTC", new float[] {0.1f, 0.2f}, 0, 0), 0);
    assertThat(auc.undefinedReason()).startsWith("class STTC has no positive records in validation (all 2 are negative)");
  }

  @Test
  void macroOfOnlyUndefinedClassesIsUndefined() {
    Predictions p = EvalFixtures.column("test", "CD", new float[] {0.1f, 0.2f}, 1, 1);
    assertThat(RocAuc.macro(p).value().isDefined()).isFalse();
    assertThat(RocAuc.macro(p).value().undefinedReason()).isEqualTo("no class has a defined AUC");
  }

  @Test
  void curveMatchesSklearnRocCurveWithoutDroppingPoints() {
    // sklearn roc_curve(drop_intermediate=False) on the tie example (sklearn_reference.py "ties fpr/tpr/thresholds");
    // sklearn 1.2 puts max+1 as the first threshold, 1.3+ puts inf as Sinus does
    Predictions p = EvalFixtures.column("test", "NORM", new float[] {0.9f, 0.8f, 0.8f, 0.8f, 0.5f, 0.5f, 0.3f, 0.3f, 0.1f},
        1, 1, 0, 1, 0, 1, 0, 0, 1);
    RocCurve curve = RocAuc.curve(p, 0);
    assertThat(curve.fpr()).containsExactly(0.0, 0.0, 0.25, 0.5, 1.0, 1.0);
    assertThat(curve.tpr()).containsExactly(new double[] {0.0, 0.2, 0.6, 0.8, 0.8, 1.0}, within(1e-15));
    assertThat(curve.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.8999999761581421, 0.800000011920929, 0.5,
        0.30000001192092896, 0.10000000149011612);
    assertThat(curve.area()).isCloseTo(0.675, within(1e-12));
  }

  @Test
  void curveOfOneSidedClassIsRefusedWithReason() {
    Predictions p = EvalFixtures.column("test", "HYP", new float[] {0.1f, 0.2f}, 1, 1);
    assertThatThrownBy(() -> RocAuc.curve(p, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("class HYP has no negative records in test (all 2 are positive); it has no ROC curve");
  }

  @Test
  void weightsCountRecordsRepeatedly() {
    // weights {2,0,1,1}: records 0.1(neg)×2, 0.35(pos), 0.8(pos); 0.4 left out → every positive beats every negative
    Predictions p = EvalFixtures.column("test", "NORM", new float[] {0.1f, 0.4f, 0.35f, 0.8f}, 0, 0, 1, 1);
    assertThat(RocAuc.weighted(p, 0, new int[] {2, 0, 1, 1})).isEqualTo(1.0);
    // weights {1,3,1,1}: negatives 0.1, 0.4×3; 0.35 beats 1 of 4, 0.8 beats 4 → 5/8
    assertThat(RocAuc.weighted(p, 0, new int[] {1, 3, 1, 1})).isEqualTo(5.0 / 8);
    assertThat(RocAuc.weighted(p, 0, new int[] {1, 3, 1, 1}))
        .isEqualTo(RocAuc.auc(p.resample(new int[] {1, 3, 1, 1}), 0).get());
    assertThat(RocAuc.weighted(p, 0, new int[] {0, 0, 1, 1})).isNaN();
    assertThatThrownBy(() -> RocAuc.weighted(p, 0, new int[] {1, 1})).hasMessageContaining("2 weights for 4 records");
  }
}
