package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ConfigException;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.util.Json;
import org.sinus.testkit.ExplainerFixture;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestModels;

/**
 * Integrated gradients: its settings, its quadrature, completeness on a nonlinear model, and the
 * analytic value {@code (x − baseline) ⊙ w} on a model whose logit is linear in the input. (A
 * model that ignores its input gets no relevance: {@link IntegratedGradientsContractTest}.)
 */
class IntegratedGradientsTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new AttributionPlugin());

  @TempDir
  Path cache;

  private static IntegratedGradients build(String hocon) {
    return (IntegratedGradients) COMPONENTS.build(Explainer.POINT, "type = integrated-gradients, " + hocon);
  }

  @Test
  void settingsComeFromTheBlockOverTheDefaults() {
    assertThat(build("")).isEqualTo(new IntegratedGradients(ModelHandle.Output.PROBABILITY, 50, "zeros", 16, 0.05, 0,
        0.15));
    assertThat(build("output = logit, steps = 200, baseline = background, baseline-samples = 8, smooth-samples = 4"))
        .isEqualTo(new IntegratedGradients(ModelHandle.Output.LOGIT, 200, "background", 8, 0.05, 4, 0.15));
    assertThat(COMPONENTS.unreadDefaults(Explainer.POINT, "type = integrated-gradients")).isEmpty();
  }

  @Test
  void badSettingsAreReportedByKey() {
    assertThatThrownBy(() -> build("steps = 0, baseline = ones, baseline-samples = 0, completeness-tolerance = -1, "
        + "smooth-samples = -2"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(p -> p.path())
            .containsExactlyInAnyOrder("explainer.steps", "explainer.baseline", "explainer.baseline-samples",
                "explainer.completeness-tolerance", "explainer.smooth-samples"));
  }

  @Test
  void gaussLegendreIntegratesPolynomialsOfDegreeUpTo2nMinus1Exactly() {
    for (int n : new int[] {1, 2, 5, 50}) {
      GaussLegendre rule = GaussLegendre.of(n);
      double weights = 0;
      double highest = 0;
      for (int k = 0; k < n; k++) {
        assertThat(rule.nodes()[k]).isBetween(0.0, 1.0);
        weights += rule.weights()[k];
        highest += rule.weights()[k] * Math.pow(rule.nodes()[k], 2 * n - 1);
      }
      assertThat(weights).isCloseTo(1, within(1e-12));
      assertThat(highest).as("∫ α^(2n−1) dα on [0, 1], n = %d", n).isCloseTo(1.0 / (2 * n), within(1e-12));
    }
  }

  private static double relativeGap(Explanation explanation) {
    return (double) explanation.details().get("completeness_relative_gap");
  }

  @Test
  void relevanceAddsUpToTheChangeOfTheOutputOnANonlinearModel() {
    try (ExplainerFixture fixture = ExplainerFixture.of(TestModels.small(), cache)) {
      // from the background's mean the path crosses ReLU kinks: the integrand is only piecewise smooth
      ExplainTarget target = fixture.target(new int[] {0, 150, 300}, 1);
      Explanation fine = build("baseline = mean, steps = 200").explain(fixture.context(), target);
      Explanation coarse = build("baseline = mean, steps = 50").explain(fixture.context(), target);
      assertThat(relativeGap(fine)).as("gap at 200 steps").isLessThan(1e-3);
      assertThat(relativeGap(coarse)).as("gap at 50 steps").isLessThan(5e-3);
      for (Explanation e : List.of(fine, coarse)) {
        assertThat(e.notes()).noneMatch(note -> note.startsWith("completeness"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> windows = (List<Map<String, Object>>) e.details().get("completeness");
        assertThat(windows).hasSize(3).allSatisfy(window -> assertThat((double) window.get("output_change"))
            .as("the output changes along the path").isGreaterThan(0.01));
      }
      Explanation tooCoarse = build("baseline = mean, steps = 10, completeness-tolerance = 0.001")
          .explain(fixture.context(), target);
      assertThat(tooCoarse.notes()).anyMatch(note -> note.startsWith("completeness") && note.contains("raise steps"));
      assertThat(Json.pretty(tooCoarse.details())).as("the details as sinus explain writes them")
          .contains("\"completeness_relative_gap\"", "\"output_change\"");
    }
  }

  @Test
  void onAModelLinearInItsInputTheRelevanceIsTheInputsDifferenceTimesTheWeights() {
    try (ExplainerFixture fixture = ExplainerFixture.of(new LinearTestModel(), cache)) {
      int[] starts = {20, 250};
      int label = 2;
      ExplainTarget target = fixture.target(starts, label);
      Examples x = Attributions.windows(fixture.context(), target);
      Examples background = fixture.context().background(6, target.seed()).examples();
      Examples mean = Attributions.mean(background);
      for (String baseline : List.of("zeros", "mean", "background")) {
        Explanation e = build("output = logit, steps = 3, baseline-samples = 6, baseline = " + baseline)
            .explain(fixture.context(), target);
        float[][] relevance = e.inputs().get(ModelInputs.SINGLE);
        for (int w = 0; w < starts.length; w++) {
          float[] example = x.example(ModelInputs.SINGLE, w);
          // the mean of (x − b) ⊙ w over background windows b is (x − mean b) ⊙ w
          float[] b = baseline.equals("zeros") ? new float[example.length] : mean.example(ModelInputs.SINGLE, 0);
          for (int i = 0; i < example.length; i++) {
            double expected = (example[i] - b[i]) * (double) LinearTestModel.weight(i, label);
            assertThat((double) relevance[w][i]).as("%s baseline, window %d, value %d", baseline, w, i)
                .isCloseTo(expected, within(1e-6 + 1e-4 * Math.abs(expected)));
          }
        }
        assertThat(relativeGap(e)).isLessThan(1e-4);
      }
    }
  }
}
