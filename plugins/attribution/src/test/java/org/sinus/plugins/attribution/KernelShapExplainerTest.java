package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.sinus.plugins.attribution.FunctionContext.LEADS;
import static org.sinus.plugins.attribution.FunctionContext.mean;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigException;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.RecordScoring;

class KernelShapExplainerTest {
  /** A model with interactions between leads that ignores leads 10 and 11. */
  private static double interacting(float[] window) {
    double[] z = new double[LEADS];
    for (int lead = 0; lead < LEADS; lead++) {
      z[lead] = 5 * mean(window, lead, 0, 50);
    }
    double logit = 2 * z[0] - 3 * z[1] + 4 * z[0] * z[2] + 2 * Math.max(z[3], z[4]) + z[5] * z[6] + z[7] - z[8]
        + 0.5 * z[9];
    return 1 / (1 + Math.exp(-logit));
  }

  /** A model additive in the leads, ignoring leads 10 and 11. */
  private static double additive(float[] window) {
    double sum = 0.3;
    for (int lead = 0; lead < 10; lead++) {
      sum += (lead - 4.5) * mean(window, lead, 0, 100);
    }
    return sum;
  }

  private static Explanation explain(FunctionContext context, String settings, float[] signal, int... starts) {
    return Blocks.build("type = kernel-shap, " + settings)
        .explain(context, FunctionContext.target(signal, starts));
  }

  @Test
  void everyCoalitionOfTheTwelveLeadsGivesTheExactShapleyValues() {
    float[][] background = FunctionContext.records(3, 100);
    FunctionContext context = new FunctionContext(KernelShapExplainerTest::interacting, background,
        RecordScoring.Aggregate.MAX);
    float[] signal = FunctionContext.record(1);
    Explanation explanation = explain(context, "features = leads, coalitions = 4096, background = sample, "
        + "background-size = 3", signal, 100);

    double[] exact = new FunctionContext.LeadGame(context, signal, new int[] {100}).shapley(background);
    double[] estimated = FunctionContext.attributions(explanation);
    assertThat(explanation.details().get("exact")).isEqualTo(true);
    assertThat(explanation.details().get("coalitions")).isEqualTo(4096);
    for (int lead = 0; lead < LEADS; lead++) {
      assertThat(estimated[lead]).as("lead %d", lead).isCloseTo(exact[lead], within(1e-6));
    }
    assertThat(Arrays.stream(exact).map(Math::abs).max().orElseThrow()).as("the test model's leads matter")
        .isGreaterThan(0.01);
    assertThat(estimated[10]).as("an ignored lead").isCloseTo(0, within(1e-6));
    assertThat(estimated[11]).as("an ignored lead").isCloseTo(0, within(1e-6));
  }

  @Test
  void attributionsSumToTheOutputMinusTheMeanBackgroundOutput() {
    float[][] background = FunctionContext.records(4, 200);
    FunctionContext context = new FunctionContext(KernelShapExplainerTest::interacting, background,
        RecordScoring.Aggregate.MAX);
    float[] signal = FunctionContext.record(2);
    int[] starts = context.recordStarts();
    Explanation explanation = explain(context, "features = lead-segments, segment = 0.25s, coalitions = 300, "
        + "background = sample, background-size = 4", signal, starts);

    double backgroundOutput = Arrays.stream(background).mapToDouble(b -> context.output(b, starts)).average()
        .orElseThrow();
    double output = context.output(signal, starts);
    double[] attributions = FunctionContext.attributions(explanation);
    assertThat(attributions).hasSize(16 * LEADS);
    assertThat(Arrays.stream(attributions).sum()).isCloseTo(output - backgroundOutput, within(1e-6));
    assertThat(explanation.score()).isCloseTo(output, within(1e-7));
    assertThat((double) explanation.details().get("base_value")).isCloseTo(backgroundOutput, within(1e-7));
    assertThat((double) explanation.details().get("efficiency_gap")).isCloseTo(0, within(1e-9));
    double signalSum = 0;
    for (float v : explanation.signal()) {
      signalSum += v;
    }
    assertThat(signalSum).as("the signal's relevance spreads the attributions")
        .isCloseTo(output - backgroundOutput, within(1e-5));
  }

  @Test
  void sampledCoalitionsRecoverAnAdditiveModelAndGiveAnIgnoredLeadNothing() {
    FunctionContext context = new FunctionContext(KernelShapExplainerTest::additive, new float[0][],
        RecordScoring.Aggregate.MEAN);
    float[] signal = FunctionContext.record(3);
    Explanation explanation = explain(context, "features = leads, coalitions = 100, background = zeros", signal, 200);

    assertThat(explanation.details().get("exact")).isEqualTo(false);
    double[] attributions = FunctionContext.attributions(explanation);
    float[] window = FunctionContext.window(signal, 200);
    for (int lead = 0; lead < LEADS; lead++) {
      double expected = lead < 10 ? (lead - 4.5) * mean(window, lead, 0, 100) : 0;
      assertThat(attributions[lead]).as("lead %d", lead).isCloseTo(expected, within(1e-5));
    }
    float[] relevance = explanation.signal();
    for (int t = 0; t < FunctionContext.SAMPLES; t++) {
      assertThat(relevance[t * LEADS + 11]).as("ignored lead, sample %d", t).isCloseTo(0f, within(1e-7f));
    }
  }

  @Test
  void theSameSeedGivesTheSameExplanationAndModelCallsAreBatched() {
    float[][] background = FunctionContext.records(2, 300);
    FunctionContext context = new FunctionContext(KernelShapExplainerTest::interacting, background,
        RecordScoring.Aggregate.MAX);
    float[] signal = FunctionContext.record(4);
    String settings = "features = lead-segments, segment = 0.5s, coalitions = 200, background-size = 2";
    Explanation first = explain(context, settings, signal, 0);
    long calls = context.predicted();
    Explanation second = explain(context, settings, signal, 0);
    assertThat(second.signal()).containsExactly(first.signal());
    assertThat(second.details()).isEqualTo(first.details());
    int evaluated = (int) first.details().get("coalitions");
    assertThat(evaluated).as("repeated samples are merged").isBetween(100, 200);
    assertThat(calls).as("every coalition but the full one with each of 2 records, and the window itself")
        .isEqualTo((long) (evaluated - 1) * 2 + 1);

    Explanation otherSeed = Blocks.build("type = kernel-shap, " + settings)
        .explain(context, new ExplainTarget("test", signal, new int[] {0}, 1, 8));
    assertThat(otherSeed.signal()).isNotEqualTo(first.signal());
  }

  @Test
  void settingsComeFromTheBlockOverTheDefaults() {
    KernelShapExplainer defaults = (KernelShapExplainer) Blocks.build("type = kernel-shap");
    assertThat(defaults.features().kind()).isEqualTo("lead-segments");
    assertThat(defaults.features().segmentSeconds()).isEqualTo(0.25);
    assertThat(defaults.absence()).isEqualTo(new Absence(Absence.Kind.SAMPLE, 10));
    assertThat(defaults.coalitions()).isEqualTo(2000);
    assertThat(Blocks.COMPONENTS.unreadDefaults(Explainer.POINT, "type = kernel-shap")).isEmpty();
  }

  @Test
  void badSettingsAreReportedByKey() {
    assertThat(Blocks.problemKeys(
        "type = kernel-shap, features = lead, segment = 0.25, background = random, coalitions = 5"))
        .containsExactlyInAnyOrder("explainer.features", "explainer.segment", "explainer.background",
            "explainer.coalitions");
  }

  @Test
  void aSegmentShorterThanASampleIsAConfigurationError() {
    FunctionContext context = new FunctionContext(KernelShapExplainerTest::additive, new float[0][],
        RecordScoring.Aggregate.MAX);
    assertThatThrownBy(() -> explain(context, "segment = 1ms, background = zeros", FunctionContext.record(5), 0))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("explainer.segment")
        .hasMessageContaining("shorter than one sample at 100 Hz");
  }
}
