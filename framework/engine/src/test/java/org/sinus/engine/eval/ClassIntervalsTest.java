package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-class bootstrap intervals: drawn on the same resamples as the evaluation's headline intervals,
 * computed on weights as on resamples built record by record, and absent where the metric is undefined.
 */
class ClassIntervalsTest {
  private static final BootstrapSettings SETTINGS = new BootstrapSettings(200, 0.9, 7);

  @Test
  void withOneClassTheyAreTheEvaluationsMacroIntervals() {
    Predictions p = EvalFixtures.random("test", 80, 3, new double[] {0.3}, "MI");
    Thresholds thresholds = Thresholds.given(p.classes(), 0.55);
    EvaluationReport report = new Evaluator(SETTINGS).evaluate(p, thresholds);
    ClassIntervals intervals = ClassIntervals.of(p, thresholds, SETTINGS);
    // the macro average of one class is that class's value, resample by resample
    assertThat(intervals.interval("MI", ClassIntervals.AUC)).isEqualTo(report.headline(Evaluator.MACRO_AUC).interval());
    assertThat(intervals.interval("MI", ClassIntervals.AVERAGE_PRECISION))
        .isEqualTo(report.headline(Evaluator.MACRO_AP).interval());
    assertThat(intervals.interval("MI", ClassIntervals.F1)).isEqualTo(report.headline(Evaluator.MACRO_F1).interval());
    assertThat(intervals.bootstrap().rejected()).isEqualTo(report.bootstrap().rejected());
  }

  @Test
  void ratesAtTheThresholdAgreeWithResamplesBuiltRecordByRecord() {
    Predictions p = EvalFixtures.random("test", 60, 11, new double[] {0.25, 0.5}, "CD", "NORM");
    Thresholds thresholds = Thresholds.given(p.classes(), 0.4, 0.6);
    ClassIntervals intervals = ClassIntervals.of(p, thresholds, SETTINGS);
    for (int k = 0; k < 2; k++) {
      int c = k;
      double t = thresholds.get(k);
      BootstrapResult built = new Bootstrap(SETTINGS).run(p, Map.of(
          "sensitivity", WeightedMetric.of(p, q -> ConfusionCounts.at(q, c, t).recall().value()),
          "specificity", WeightedMetric.of(p, q -> ConfusionCounts.at(q, c, t).specificity().value())));
      String name = p.classes().get(k);
      assertThat(intervals.interval(name, ClassIntervals.SENSITIVITY)).isEqualTo(built.interval("sensitivity"));
      assertThat(intervals.interval(name, ClassIntervals.SPECIFICITY)).isEqualTo(built.interval("specificity"));
      assertThat(intervals.interval(name, ClassIntervals.SENSITIVITY).width()).isPositive();
    }
  }

  @Test
  void aMetricUndefinedOnTheSplitHasNoInterval() {
    // HYP is positive in every record: no AUC and no specificity, but a sensitivity
    float[] scores = {0.9f, 0.2f, 0.8f, 0.3f, 0.7f, 0.6f, 0.6f, 0.8f, 0.4f, 0.9f, 0.3f, 0.7f};
    boolean[] targets = {true, true, false, true, true, true, false, true, true, true, false, true};
    Predictions p = Predictions.of("test", EvalFixtures.multiLabel("NORM", "HYP"), scores, targets);
    ClassIntervals intervals = ClassIntervals.of(p, Thresholds.fixed(p.classes(), 0.5), SETTINGS);
    assertThat(intervals.interval("HYP", ClassIntervals.AUC)).isNull();
    assertThat(intervals.interval("HYP", ClassIntervals.SPECIFICITY)).isNull();
    assertThat(intervals.interval("HYP", ClassIntervals.SENSITIVITY)).isNotNull();
    assertThat(intervals.interval("NORM", ClassIntervals.AUC)).isNotNull();
    assertThatThrownBy(() -> intervals.interval("NORM", "kappa")).hasMessageContaining("no per-class metric 'kappa'");
  }

  @Test
  void needsTheBootstrap() {
    Predictions p = EvalFixtures.random("test", 20, 1, new double[] {0.5}, "MI");
    assertThatThrownBy(() -> ClassIntervals.of(p, Thresholds.fixed(p.classes(), 0.5), BootstrapSettings.off()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need bootstrap resamples");
  }
}
