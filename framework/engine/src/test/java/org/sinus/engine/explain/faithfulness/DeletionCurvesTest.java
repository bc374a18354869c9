package org.sinus.engine.explain.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeletionCurvesTest {
  private static final int LEADS = 2;
  private static final int SAMPLES = 8;

  /** The class score is the sum of lead 0 over its first two samples: only feature 0 (segment 0, lead 0) matters. */
  private static final DeletionCurves.Scorer FIRST_SEGMENT_OF_LEAD_0 = (signals, label) -> Arrays.stream(signals)
      .mapToDouble(signal -> signal[0] + signal[LEADS]).toArray();

  private static float[] ones() {
    float[] signal = new float[SAMPLES * LEADS];
    Arrays.fill(signal, 1);
    return signal;
  }

  @Test
  void removingTheOneRelevantFeatureFirstDropsTheScoreAtOnceAndLastOnlyAtTheEnd() {
    float[] relevance = new float[SAMPLES * LEADS];
    relevance[0] = 1;                                             // segment 0, lead 0
    relevance[LEADS] = 1;
    DeletionCurves curves = new DeletionCurves(2, 8);             // 4 segments x 2 leads = 8 features, one per step
    DeletionCurves.Aopc aopc = curves.measure(FIRST_SEGMENT_OF_LEAD_0, ones(), relevance, LEADS, 0, 7);
    // the score is 2 and drops to 0 when feature 0 goes: MoRF at step 1 of 8, LeRF at step 8; AOPC averages over 9 steps
    assertThat(aopc.morf()).isCloseTo(8 * 2 / 9.0, within(1e-9));
    assertThat(aopc.lerf()).isCloseTo(2 / 9.0, within(1e-9));
    assertThat(aopc.random()).isBetween(aopc.lerf(), aopc.morf());
  }

  @Test
  void aRandomOrderRemovesTheRelevantFeatureAtAStepThatDependsOnTheSeed() {
    float[] relevance = new float[SAMPLES * LEADS];
    DeletionCurves curves = new DeletionCurves(2, 8);
    double[] seen = new double[20];
    for (int seed = 0; seed < seen.length; seed++) {
      seen[seed] = curves.measure(FIRST_SEGMENT_OF_LEAD_0, ones(), relevance, LEADS, 0, seed).random();
    }
    assertThat(Arrays.stream(seen).distinct().count()).isGreaterThan(3);
    assertThat(Arrays.stream(seen).average().orElseThrow()).as("feature 0 goes at step 4.5 on average: 2 x 4.5 / 9")
        .isCloseTo(1.0, within(0.25));
  }

  @Test
  void aPartialLastSegmentAndFewerStepsThanFeaturesAreHandled() {
    float[] relevance = new float[SAMPLES * LEADS];
    relevance[0] = 1;
    DeletionCurves curves = new DeletionCurves(3, 2);             // segments of 3, 3, 2 samples; 6 features in 2 steps
    DeletionCurves.Aopc aopc = curves.measure(FIRST_SEGMENT_OF_LEAD_0, ones(), relevance, LEADS, 0, 1);
    // step 1 removes 3 of 6 features, feature 0 among them in MoRF order (drop 2), step 2 all (drop 2)
    assertThat(aopc.morf()).isCloseTo(4 / 3.0, within(1e-9));
    assertThat(aopc.lerf()).isCloseTo(2 / 3.0, within(1e-9));
  }
}
