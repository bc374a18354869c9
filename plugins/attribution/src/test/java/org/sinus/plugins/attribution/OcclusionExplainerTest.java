package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sinus.plugins.attribution.FunctionContext.LEADS;
import static org.sinus.plugins.attribution.FunctionContext.SAMPLES;
import static org.sinus.plugins.attribution.FunctionContext.mean;

import org.junit.jupiter.api.Test;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.RecordScoring;

class OcclusionExplainerTest {
  /** A model that reads lead V1 (index 6) over samples 20 to 40 of the window, and nothing else. */
  private static double oneLeadOneSegment(float[] window) {
    return 1 / (1 + Math.exp(-10 * mean(window, 6, 20, 40) - 0.5));
  }

  /** A model that reads every lead over samples 20 to 40 of the window. */
  private static double oneSegment(float[] window) {
    double sum = 0;
    for (int lead = 0; lead < LEADS; lead++) {
      sum += mean(window, lead, 20, 40);
    }
    return 1 / (1 + Math.exp(-3 * sum));
  }

  private static Explanation explain(FunctionContext.WindowFunction model, String settings, int... starts) {
    FunctionContext context = new FunctionContext(model, FunctionContext.records(3, 50), RecordScoring.Aggregate.MEAN);
    return Blocks.build("type = occlusion, " + settings)
        .explain(context, FunctionContext.target(FunctionContext.record(21), starts));
  }

  @Test
  void onlyTheLeadAndSegmentTheModelReadsGetRelevance() {
    Explanation explanation = explain(OcclusionExplainerTest::oneLeadOneSegment,
        "window = 0.2s, stride = 0.1s, per-lead = true, baseline = zeros", 100);
    float[] relevance = explanation.signal();
    for (int t = 0; t < SAMPLES; t++) {
      for (int lead = 0; lead < LEADS; lead++) {
        float value = relevance[t * LEADS + lead];
        if (lead == 6 && t >= 120 && t < 140) {
          assertThat(value).as("sample %d of V1, read by the model", t).isNotZero();
        } else if (lead != 6 || t < 110 || t >= 150) {
          assertThat(value).as("sample %d of lead %d: no patch over it touches what the model reads", t, lead)
              .isZero();
        }
      }
    }
  }

  @Test
  void patchesOfAllLeadsGiveRelevanceToTheSegmentOnlyAndARecordIsScoredOverItsWindows() {
    Explanation explanation = explain(OcclusionExplainerTest::oneSegment,
        "window = 0.1s, stride = 0.05s, per-lead = false, baseline = mean, background-size = 3", 0, 200);
    float[] relevance = explanation.signal();
    for (int t = 0; t < SAMPLES; t++) {
      boolean read = (t >= 20 && t < 40) || (t >= 220 && t < 240);
      boolean near = (t >= 15 && t < 45) || (t >= 215 && t < 245);
      for (int lead = 0; lead < LEADS; lead++) {
        if (read) {
          assertThat(relevance[t * LEADS + lead]).as("sample %d, lead %d", t, lead).isNotZero()
              .isEqualTo(relevance[t * LEADS]);
        } else if (!near) {
          assertThat(relevance[t * LEADS + lead]).as("sample %d, lead %d", t, lead).isZero();
        }
      }
    }
    assertThat(explanation.notes()).anyMatch(note -> note.contains("the probabilities of its 2 windows"));
  }

  @Test
  void settingsComeFromTheBlockOverTheDefaults() {
    OcclusionExplainer defaults = (OcclusionExplainer) Blocks.build("type = occlusion");
    assertThat(defaults.windowSeconds()).isEqualTo(0.2);
    assertThat(defaults.strideSeconds()).isEqualTo(0.1);
    assertThat(defaults.perLead()).isTrue();
    assertThat(defaults.baseline()).isEqualTo(new Absence(Absence.Kind.ZEROS, 10));
    assertThat(Blocks.COMPONENTS.unreadDefaults(Explainer.POINT, "type = occlusion")).isEmpty();
  }

  @Test
  void badSettingsAreReportedByKey() {
    assertThat(Blocks.problemKeys(
        "type = occlusion, window = 0.1s, stride = 0.2s, baseline = sample, per-lead = maybe"))
        .containsExactlyInAnyOrder("explainer.stride", "explainer.baseline", "explainer.per-lead");
  }
}
