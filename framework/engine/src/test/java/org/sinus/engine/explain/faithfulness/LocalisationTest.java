package org.sinus.engine.explain.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LocalisationTest {
  @Test
  void countsPositiveRelevanceInsideTheRegionAndWhereTheMaximumIs() {
    Localisation.Score score = Localisation.of(new float[] {0.5f, -1, 2, 0.5f}, new float[] {1, 0, 1, 0});
    assertThat(score.mass()).isCloseTo(2.5 / 3, within(1e-6));
    assertThat(score.hit()).isTrue();
    assertThat(score.area()).isEqualTo(0.5);
  }

  @Test
  void anEmptyRegionCoversNothing() {
    assertThat(Localisation.covers(new float[] {0, 0, 0})).isFalse();
    assertThat(Localisation.covers(new float[] {0, 1, 0})).isTrue();
  }

  @Test
  void missesWhenTheMaximumIsOutsideOrNothingIsPositive() {
    assertThat(Localisation.of(new float[] {0.1f, 3, 0.2f}, new float[] {1, 0, 1}).hit()).isFalse();
    Localisation.Score none = Localisation.of(new float[] {-1, -2}, new float[] {1, 0});
    assertThat(none.mass()).isZero();
    assertThat(none.hit()).isFalse();
  }
}
