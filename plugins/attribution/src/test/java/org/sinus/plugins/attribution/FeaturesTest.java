package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.data.SignalFormat;

class FeaturesTest {
  private static final SignalFormat FORMAT = new SignalFormat(100, 10, List.of("I", "II", "III"));

  @Test
  void leadSegmentsTileTheSpanOfEachLeadOnce() {
    Features features = Features.tiles(2, 9, 3, true, 3);
    assertThat(features.count()).isEqualTo(9);
    assertThat(features.get(0)).isEqualTo(new Features.Feature(2, 5, 0));
    assertThat(features.get(2)).as("the last segment is shorter").isEqualTo(new Features.Feature(8, 9, 0));
    assertThat(features.get(3)).isEqualTo(new Features.Feature(2, 5, 1));
    assertThat(features.name(4, FORMAT)).isEqualTo("II 0.05-0.08 s");
    float[] ones = features.spread(new double[] {3, 3, 1, 3, 3, 1, 3, 3, 1}, 10);
    for (int t = 0; t < 10; t++) {
      for (int lead = 0; lead < 3; lead++) {
        assertThat(ones[t * 3 + lead]).isEqualTo(t >= 2 && t < 9 ? 1f : 0f);
      }
    }
  }

  @Test
  void patchesOverlapAndTheLastEndsAtTheSpansEnd() {
    Features patches = Features.slide(0, 10, 4, 3, false, 3);
    assertThat(patches.list()).containsExactly(new Features.Feature(0, 4, Features.ALL),
        new Features.Feature(3, 7, Features.ALL), new Features.Feature(6, 10, Features.ALL));
    float[] mean = patches.coverageMean(new double[] {1, 2, 4}, 10);
    assertThat(mean[0]).isEqualTo(1f);
    assertThat(mean[3 * 3 + 2]).as("covered by the first two patches").isEqualTo(1.5f);
    assertThat(mean[9 * 3]).isEqualTo(4f);
    assertThat(patches.name(1, FORMAT)).isEqualTo("all leads 0.03-0.07 s");
    assertThat(Features.slide(0, 3, 5, 2, true, 3).count()).as("a span shorter than a patch is one patch per lead")
        .isEqualTo(3);
  }

  @Test
  void aCoalitionReplacesTheSamplesOfItsAbsentFeatures() {
    Features features = Features.tiles(0, 10, 5, true, 3);
    float[] signal = new float[30];
    float[] replacement = new float[30];
    for (int i = 0; i < 30; i++) {
      signal[i] = 1;
      replacement[i] = -i;
    }
    boolean[] present = {true, false, true, true, true, true};
    float[] out = features.apply(signal, present, replacement);
    for (int t = 0; t < 10; t++) {
      for (int lead = 0; lead < 3; lead++) {
        float expected = lead == 0 && t >= 5 ? -(t * 3) : 1;
        assertThat(out[t * 3 + lead]).as("sample %d, lead %d", t, lead).isEqualTo(expected);
      }
    }
    assertThat(signal[15]).as("the signal is not changed").isEqualTo(1f);
    assertThat(features.changes(present, 0, 5)).isFalse();
    assertThat(features.changes(present, 4, 5)).isTrue();
    float[] spread = features.spread(new double[] {5, 0, 0, 0, 0, 0}, 10);
    assertThat((double) spread[0]).isCloseTo(1, within(1e-7));
  }
}
