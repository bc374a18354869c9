package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metrics on a 300-record, 3-class data set with many ties (23 distinct scores), against values that
 * sklearn_reference.py computed with scikit-learn 1.2.1 on the same float32 data (EvalFixtures.generated).
 */
class SklearnAgreementTest {
  private static final double EPS = 1e-12;
  private final Predictions all = EvalFixtures.generated("test", 0, 300, "A", "B", "C");

  @Test
  void rocAucPerClassAndMacro() {
    assertThat(List.of(all.positives(0), all.positives(1), all.positives(2))).containsExactly(143, 130, 118);
    List<MetricValue> auc = RocAuc.perClass(all);
    assertThat(auc.get(0).get()).isCloseTo(0.9473074696004632, within(EPS));
    assertThat(auc.get(1).get()).isCloseTo(0.9461085972850679, within(EPS));
    assertThat(auc.get(2).get()).isCloseTo(0.9449152542372881, within(EPS));
    assertThat(RocAuc.macro(all).value().get()).isCloseTo(0.946110440374273, within(EPS));
    assertThat(RocAuc.curve(all, 1).area()).isCloseTo(0.9461085972850679, within(EPS));
  }

  @Test
  void averagePrecisionPerClassAndMacro() {
    List<MetricValue> ap = AveragePrecision.perClass(all);
    assertThat(ap.get(0).get()).isCloseTo(0.938612450739464, within(EPS));
    assertThat(ap.get(1).get()).isCloseTo(0.9255419323417643, within(EPS));
    assertThat(ap.get(2).get()).isCloseTo(0.9099865428197619, within(EPS));
    assertThat(AveragePrecision.macro(all).value().get()).isCloseTo(0.9247136419669967, within(EPS));
  }

  @Test
  void thresholdsTunedOnFirstHalfAppliedToSecondHalf() {
    // reference: brute force over distinct scores with sklearn f1_score, highest threshold on ties
    Predictions validation = EvalFixtures.generated("validation", 0, 150, "A", "B", "C");
    Predictions test = EvalFixtures.generated("test", 150, 150, "A", "B", "C");
    Thresholds t = ThresholdTuner.tune(validation);
    assertThat(t.values()).containsExactly(0.4545454680919647, 0.5, 0.5909090638160706);
    double[] tunedF1 = {0.8387096774193548, 0.8435374149659863, 0.848};
    for (int k = 0; k < 3; k++) {
      assertThat(t.tuningF1().get(k).get()).as("validation F1 of class %d", k).isCloseTo(tunedF1[k], within(EPS));
    }

    List<ConfusionCounts> counts = ThresholdMetrics.counts(test, t);
    double[] f1 = {0.8662420382165604, 0.8345323741007193, 0.8064516129032258};
    double[] precision = {0.8, 0.7532467532467533, 0.7575757575757576};
    double[] recall = {0.9444444444444444, 0.9354838709677419, 0.8620689655172413};
    for (int k = 0; k < 3; k++) {
      assertThat(counts.get(k).f1().get()).as("F1 of class %d", k).isCloseTo(f1[k], within(EPS));
      assertThat(counts.get(k).precision().get()).as("precision of class %d", k).isCloseTo(precision[k], within(EPS));
      assertThat(counts.get(k).recall().get()).as("recall of class %d", k).isCloseTo(recall[k], within(EPS));
    }
    assertThat(ThresholdMetrics.macroF1(test, t).value().get()).isCloseTo(0.8357420084068353, within(EPS));
    assertThat(ThresholdMetrics.exactMatch(test, t)).isCloseTo(0.5533333333333333, within(EPS));
  }
}
