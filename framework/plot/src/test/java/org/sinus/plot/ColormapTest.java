package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColormapTest {

  @Test
  void viridisRunsFromDarkPurpleToYellow() {
    // matplotlib's viridis: entry 0 is (0.267004, 0.004874, 0.329415), entry 255 is
    // (0.993248, 0.906157, 0.143936), entry 128 is (0.127568, 0.566949, 0.550556); times 255, rounded
    assertThat(Colormap.VIRIDIS.rgb(0)).isEqualTo(0x440154);
    assertThat(Colormap.VIRIDIS.rgb(1)).isEqualTo(0xFDE725);
    assertThat(Pixels.distance(Colormap.VIRIDIS.rgb(128 / 255.0), 0x21918C)).isLessThanOrEqualTo(2);
    assertThat(Colormap.VIRIDIS.high()).isEqualTo(0xFDE725);
  }

  @Test
  void clampsOutOfRangeAndNaN() {
    assertThat(Colormap.VIRIDIS.rgb(-3)).isEqualTo(0x440154);
    assertThat(Colormap.VIRIDIS.rgb(7)).isEqualTo(0xFDE725);
    assertThat(Colormap.VIRIDIS.rgb(Double.NaN)).isEqualTo(0x440154);
  }

  @Test
  void interpolatesLinearlyBetweenAnchors() {
    Colormap ramp = new Colormap("ramp", new int[] {0x000000, 0xFF0000, 0xFFFFFF});
    assertThat(ramp.rgb(0.25)).isEqualTo(0x800000);
    assertThat(ramp.rgb(0.5)).isEqualTo(0xFF0000);
    assertThat(ramp.rgb(0.75)).isEqualTo(0xFF8080);
  }

  @Test
  void divergingMapIsWhiteInTheMiddle() {
    assertThat(Colormap.BLUE_WHITE_RED.rgb(0.5)).isEqualTo(0xF7F7F7);
    assertThat(Colormap.BLUE_WHITE_RED.low() & 0xFF).isGreaterThan(Colormap.BLUE_WHITE_RED.low() >> 16);
  }

  @Test
  void needsTwoAnchors() {
    assertThatThrownBy(() -> new Colormap("one", new int[] {0xFFFFFF}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'one'");
  }
}
