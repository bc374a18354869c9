package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ConfigException;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.model.ModelInputs;
import org.sinus.testkit.ExplainerFixture;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestModels;

/** Gradient SHAP: its settings, its expectation on a model linear in its input, and its seeded draws. */
class GradientShapTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new AttributionPlugin());

  @TempDir
  Path cache;

  private static GradientShap build(String hocon) {
    return (GradientShap) COMPONENTS.build(Explainer.POINT, "type = gradient-shap, " + hocon);
  }

  @Test
  void settingsComeFromTheBlockOverTheDefaults() {
    assertThat(build("")).isEqualTo(new GradientShap(ModelHandle.Output.PROBABILITY, 50, 32, 0.0));
    assertThat(build("output = logit, samples = 7, baseline-samples = 3, stdevs = 0.2"))
        .isEqualTo(new GradientShap(ModelHandle.Output.LOGIT, 7, 3, 0.2));
    assertThat(COMPONENTS.unreadDefaults(Explainer.POINT, "type = gradient-shap")).isEmpty();
    assertThatThrownBy(() -> build("samples = 0, stdevs = -0.1, output = odds"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(p -> p.path())
            .containsExactlyInAnyOrder("explainer.samples", "explainer.stdevs", "explainer.output"));
  }

  /**
   * With gradient w, every draw gives {@code (x + ε − b) ⊙ w} for a baseline b drawn uniformly
   * from the background windows: the mean of n draws is {@code (x − mean b) ⊙ w} up to a sampling
   * error of standard deviation {@code |w| · √(var b + stdevs²) / √n} per value (the errors of
   * different values are correlated: all share the draws of baselines).
   */
  @Test
  void onAModelLinearInItsInputItIsTheInputsDifferenceFromTheMeanBaselineTimesTheWeights() {
    try (ExplainerFixture fixture = ExplainerFixture.of(new LinearTestModel(), cache)) {
      int label = 1;
      int samples = 400;
      int baselines = 8;
      ExplainTarget target = fixture.target(new int[] {120}, label);
      float[] x = Attributions.windows(fixture.context(), target).example(ModelInputs.SINGLE, 0);
      Examples background = fixture.context().background(baselines, target.seed()).examples();
      for (double stdevs : new double[] {0, 0.1}) {
        Explanation e = build("output = logit, samples = " + samples + ", baseline-samples = " + baselines
            + ", stdevs = " + stdevs).explain(fixture.context(), target);
        float[] relevance = e.inputs().get(ModelInputs.SINGLE)[0];
        for (int i = 0; i < x.length; i++) {
          double mean = 0;
          double square = 0;
          for (int b = 0; b < background.count(); b++) {
            double v = background.example(ModelInputs.SINGLE, b)[i];
            mean += v / background.count();
            square += v * v / background.count();
          }
          double w = LinearTestModel.weight(i, label);
          double sd = Math.abs(w) * Math.sqrt(Math.max(0, square - mean * mean) + stdevs * stdevs) / Math.sqrt(samples);
          double expected = (x[i] - mean) * w;
          assertThat((double) relevance[i]).as("value %d, stdevs %s", i, stdevs)
              .isCloseTo(expected, within(5 * sd + 1e-6));
        }
      }
    }
  }

  @Test
  void theSameSeedDrawsTheSameAndAnotherSeedOtherwise() {
    try (ExplainerFixture fixture = ExplainerFixture.of(TestModels.small(), cache)) {
      GradientShap shap = build("samples = 6, baseline-samples = 4, stdevs = 0.05");
      ExplainTarget target = fixture.target(new int[] {0, 200}, 0);
      ExplainTarget reseeded = new ExplainTarget(target.recordId(), target.signal(), target.windowStarts(), 0,
          target.seed() + 1);
      Explanation first = shap.explain(fixture.context(), target);
      Explanation again = shap.explain(fixture.context(), target);
      Explanation other = shap.explain(fixture.context(), reseeded);
      assertThat(again.inputs().get(ModelInputs.SINGLE)).isDeepEqualTo(first.inputs().get(ModelInputs.SINGLE));
      assertThat(again.signal()).isEqualTo(first.signal());
      assertThat(other.signal()).isNotEqualTo(first.signal());
    }
  }
}
