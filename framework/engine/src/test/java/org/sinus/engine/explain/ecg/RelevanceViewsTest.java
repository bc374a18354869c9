package org.sinus.engine.explain.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Relevance is aggregated per lead and beat phase from the detected beats: relevance placed on the
 * ST-T segments of V2–V4 reads as such, shares add up to one, and the glocal summary averages the
 * shares of many records with their spread.
 */
class RelevanceViewsTest {
  private static final List<String> LEADS = List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4",
      "V5", "V6");

  /** Relevance 1 on the given leads wherever the phase is {@code phase}, 0 elsewhere. */
  private static float[] relevanceOn(SyntheticBeats.Record record, BeatPhase phase, int... leads) {
    int samples = record.signal().length / SyntheticBeats.LEADS;
    BeatPhase[] phases = BeatPhase.of(record.rPeaks(), samples, record.samplingRate());
    float[] relevance = new float[record.signal().length];
    for (int s = 0; s < samples; s++) {
      if (phases[s] == phase) {
        for (int lead : leads) {
          relevance[s * SyntheticBeats.LEADS + lead] = 1;
        }
      }
    }
    return relevance;
  }

  @Test
  void relevanceOnTheStSegmentsOfV2ToV4ReadsSo() {
    SyntheticBeats.Record record = SyntheticBeats.regular(100, 70, 5);
    RelevanceViews views = RelevanceViews.of("MI", record.signal(), relevanceOn(record, BeatPhase.ST_T, 7, 8, 9),
        LEADS, 100);
    assertThat(views.beats()).hasSameSizeAs(record.rPeaks());
    assertThat(views.phaseShare().get("ST-T")).isGreaterThan(0.9);
    assertThat(views.leadShare().get("V3")).isCloseTo(1.0 / 3, within(0.02));
    assertThat(views.leadShare().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    assertThat(views.summary()).startsWith("MI: leads V").contains("ST-T").doesNotContain("V5");
    assertThat(views.heartRate()).isCloseTo(70, within(2.0));
  }

  @Test
  void negativeRelevanceIsNotEvidenceForTheClass() {
    SyntheticBeats.Record record = SyntheticBeats.regular(100, 70, 6);
    float[] relevance = relevanceOn(record, BeatPhase.QRS, 0);
    for (int i = 0; i < relevance.length; i++) {
      relevance[i] = -relevance[i];
    }
    assertThat(RelevanceViews.of("CD", record.signal(), relevance, LEADS, 100).summary()).isEqualTo("CD: no positive relevance");
  }

  @Test
  void theGlocalSummaryAveragesSharesPerClassWithTheirSpread() {
    GlocalSummary glocal = new GlocalSummary();
    SyntheticBeats.Record record = SyntheticBeats.regular(100, 60, 8);
    glocal.add("MI", RelevanceViews.of("MI", record.signal(), relevanceOn(record, BeatPhase.ST_T, 7), LEADS, 100));
    glocal.add("MI", RelevanceViews.of("MI", record.signal(), relevanceOn(record, BeatPhase.ST_T, 8), LEADS, 100));
    @SuppressWarnings("unchecked")
    Map<String, double[]> leads = (Map<String, double[]>) ((Map<String, Object>) glocal.toJson().get("MI")).get("lead_share");
    assertThat(leads.get("V2")[0]).isCloseTo(0.5, within(1e-9));
    assertThat(leads.get("V2")[1]).isCloseTo(Math.sqrt(0.5), within(1e-9));   // sd of {1, 0}
    assertThat(leads.get("I")[0]).isZero();
    assertThat(glocal.markdown()).contains("## MI (2 records)").contains("| V2 | 0.500 ± 0.707 |");
  }
}
