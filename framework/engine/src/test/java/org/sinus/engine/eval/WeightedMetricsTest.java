package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * What every bootstrap metric promises about its weight vector: one weight per record or none, so a
 * resample of another length is refused instead of being silently cut or padded; and the argmax macro F1
 * of a resample leaves out a class the resample has no record of, as the threshold macro F1 does,
 * instead of turning the whole resample into NaN.
 */
class WeightedMetricsTest {
  private static final Predictions SINGLE = Predictions.ofClassIndices("test", EvalFixtures.singleLabel("A", "B", "C"),
      ArgmaxMetricsTest.PROBS, ArgmaxMetricsTest.TRUTH);
  private static final Thresholds HALF = Thresholds.fixed(SINGLE.classes(), 0.5);

  static Stream<Map.Entry<String, Function<Predictions, WeightedMetric>>> metrics() {
    return Stream.of(
        Map.entry("argmax accuracy", ArgmaxMetrics::accuracyMetric),
        Map.entry("argmax macro F1", ArgmaxMetrics::macroF1Metric),
        Map.entry("exact match", p -> ThresholdMetrics.exactMatchMetric(p, HALF)),
        Map.entry("macro F1", p -> ThresholdMetrics.macroF1Metric(p, HALF)),
        Map.entry("AP of class A", p -> weights -> AveragePrecision.weighted(p, 0, weights)),
        Map.entry("generic (materialized resample)", p -> WeightedMetric.of(p, ArgmaxMetrics::accuracy)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("metrics")
  void aWeightVectorOfAnotherLengthIsRefused(Map.Entry<String, Function<Predictions, WeightedMetric>> metric) {
    WeightedMetric m = metric.getValue().apply(SINGLE);
    // 8 records: a longer vector would otherwise be read only in part, a shorter one fail somewhere inside
    assertThatThrownBy(() -> m.compute(new int[9])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test: 9 weights for 8 records");
    assertThatThrownBy(() -> m.compute(new int[7])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test: 7 weights for 8 records");
  }

  @Test
  void exactMatchRefusesThresholdsOfOtherClasses() {
    assertThatThrownBy(() -> ThresholdMetrics.exactMatchMetric(SINGLE, Thresholds.fixed(List.of("X", "Y", "Z"), 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thresholds are for classes [X, Y, Z] but the test predictions have classes [A, B, C]");
  }

  @Test
  void confusionCountsRefuseAWeightVectorOfAnotherLength() {
    assertThatThrownBy(() -> ConfusionCounts.at(SINGLE, 0, 0.5, new int[9])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test: 9 weights for 8 records");
  }

  @Test
  void argmaxMacroF1OfAResampleLeavesOutAClassItHasNoRecordOf() {
    // class C is never true; record 2 is the only one predicted C (0.4), a false alarm: C's F1 is 0 on the
    // full split, so the macro F1 averages A, B and C
    float[] probs = {
        0.7f, 0.2f, 0.1f,
        0.1f, 0.8f, 0.1f,
        0.3f, 0.3f, 0.4f,
        0.2f, 0.6f, 0.2f};
    Predictions p = Predictions.ofClassIndices("test", EvalFixtures.singleLabel("A", "B", "C"), probs, new int[] {0, 1, 0, 1});
    assertThat(ArgmaxMetrics.macroF1(p).value().get()).isCloseTo((2 / 3.0 + 1 + 0) / 3, within(1e-15));
    // a resample without record 2 has no record that is, or is predicted as, C: its F1 is 0/0 there and
    // the average is over A and B (both 1), as ThresholdMetrics.macroF1Metric does
    int[] withoutRecord2 = {1, 1, 0, 2};
    assertThat(ArgmaxMetrics.macroF1Metric(p).compute(withoutRecord2)).isEqualTo(1.0);
    assertThat(ThresholdMetrics.macroF1Metric(p, Thresholds.fixed(p.classes(), 0.5)).compute(withoutRecord2))
        .isEqualTo(1.0);
  }
}
