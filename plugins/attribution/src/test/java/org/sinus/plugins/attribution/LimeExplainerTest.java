package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sinus.plugins.attribution.FunctionContext.LEADS;
import static org.sinus.plugins.attribution.FunctionContext.mean;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.RecordScoring;

class LimeExplainerTest {
  /** Weights of the leads in the linear model: leads 9, 10 and 11 have none. */
  private static final double[] WEIGHTS = {3, -2, 1.5, -1, 0.8, 0.5, -0.4, 0.3, 0.2, 0, 0, 0};

  /**
   * A model linear in the leads' presence when absent leads are zeros: 0.4 + Σ w_l · the mean of
   * lead l over the window's first half.
   */
  private static double linear(float[] window) {
    double sum = 0.4;
    for (int lead = 0; lead < LEADS; lead++) {
      sum += effect(window, lead);
    }
    return sum;
  }

  /** The output's change when lead l is present rather than zero. */
  private static double effect(float[] window, int lead) {
    return WEIGHTS[lead] * mean(window, lead, 0, 50);
  }

  /** A random record around 1, so that every lead's mean is near 1 and the effects rank as the weights do. */
  private static float[] record(long seed) {
    float[] signal = FunctionContext.record(seed);
    for (int i = 0; i < signal.length; i++) {
      signal[i] += 1;
    }
    return signal;
  }

  private static Explanation explain(String settings, float[] signal, int... starts) {
    FunctionContext context = new FunctionContext(LimeExplainerTest::linear, new float[0][],
        RecordScoring.Aggregate.MAX);
    return Blocks.build("type = lime, background = zeros, features = leads, " + settings)
        .explain(context, FunctionContext.target(signal, starts));
  }

  @Test
  void theSurrogateOfALinearModelRecoversItsEffectsWithAnR2OfOne() {
    float[] signal = record(11);
    Explanation explanation = explain("samples = 400, max-features = 12", signal, 100);
    float[] window = FunctionContext.window(signal, 100);
    double[] coefficients = FunctionContext.attributions(explanation);
    assertThat((double) explanation.details().get("r2")).isCloseTo(1, within(1e-6));
    for (int lead = 0; lead < LEADS; lead++) {
      assertThat(coefficients[lead]).as("lead %d", lead).isCloseTo(effect(window, lead), within(1e-4));
    }
    List<Integer> ranking = IntStream.range(0, 9).boxed()
        .sorted(Comparator.comparingDouble(lead -> -Math.abs(coefficients[lead]))).toList();
    List<Integer> expected = IntStream.range(0, 9).boxed()
        .sorted(Comparator.comparingDouble(lead -> -Math.abs(effect(window, lead)))).toList();
    assertThat(ranking).isEqualTo(expected);
    for (int lead = 9; lead < LEADS; lead++) {
      assertThat(coefficients[lead]).as("lead %d has no effect", lead).isCloseTo(0, within(1e-5));
    }
  }

  @Test
  void maxFeaturesKeepsTheLargestEffectsAndLeavesTheOthersAtZero() {
    float[] signal = record(12);
    Explanation explanation = explain("samples = 500, max-features = 4", signal, 0);
    float[] window = FunctionContext.window(signal, 0);
    double[] coefficients = FunctionContext.attributions(explanation);
    assertThat(explanation.details().get("selected")).isEqualTo(4);
    List<Integer> largest = IntStream.range(0, LEADS).boxed()
        .sorted(Comparator.comparingDouble(lead -> -Math.abs(effect(window, lead)))).limit(4).toList();
    for (int lead = 0; lead < LEADS; lead++) {
      if (largest.contains(lead)) {
        assertThat(Math.signum(coefficients[lead])).as("sign of lead %d", lead)
            .isEqualTo(Math.signum(effect(window, lead)));
      } else {
        assertThat(coefficients[lead]).as("lead %d is not selected", lead).isZero();
      }
    }
    assertThat((double) explanation.details().get("r2")).isBetween(0.5, 1.0);
  }

  @Test
  void aRecordIsExplainedAndTheSameSeedGivesTheSameExplanation() {
    float[] signal = record(13);
    int[] starts = {0, 50, 100, 150, 200, 250, 300};
    Explanation first = explain("samples = 200, distance = hamming, kernel-width = 0.5", signal, starts);
    Explanation second = explain("samples = 200, distance = hamming, kernel-width = 0.5", signal, starts);
    assertThat(second.signal()).containsExactly(first.signal());
    assertThat(first.inputs().get("input")).hasNumberOfRows(7);
    assertThat(first.notes()).anyMatch(note -> note.contains("weighted R²"));
  }

  @Test
  void settingsComeFromTheBlockOverTheDefaults() {
    LimeExplainer defaults = (LimeExplainer) Blocks.build("type = lime");
    assertThat(defaults.samples()).isEqualTo(1000);
    assertThat(defaults.distance()).isEqualTo("cosine");
    assertThat(defaults.kernelWidth()).isEqualTo(0.25);
    assertThat(defaults.maxFeatures()).isEqualTo(10);
    assertThat(defaults.absence()).isEqualTo(new Absence(Absence.Kind.MEAN, 10));
    assertThat(Blocks.COMPONENTS.unreadDefaults(Explainer.POINT, "type = lime")).isEmpty();
  }

  @Test
  void badSettingsAreReportedByKey() {
    assertThat(Blocks.problemKeys(
        "type = lime, distance = euclidean, kernel-width = 0, max-features = 0, samples = 2.5"))
        .containsExactlyInAnyOrder("explainer.distance", "explainer.kernel-width", "explainer.max-features",
            "explainer.samples");
  }
}
