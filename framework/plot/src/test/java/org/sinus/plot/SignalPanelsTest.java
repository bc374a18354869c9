package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalPanelsTest {
  static final int BLUE = 0x1F77B4;

  @Test
  void oneStripPerChannel() {
    float[] values = new float[250 * 3];
    for (int t = 0; t < 250; t++) {
      for (int c = 0; c < 3; c++) {
        values[t * 3 + c] = (float) Math.sin(2 * Math.PI * (c + 1) * t / 250.0);
      }
    }
    SignalPanels panels = SignalPanels.standard();
    BufferedImage image = panels.render("", values, 100, 0, List.of("I", "II", "III"));
    assertThat(image.getWidth()).isEqualTo(900);
    BufferedImage twelve = panels.render("", new float[250 * 12], 100, 0, EcgPaperPlotTest.LEADS);
    assertThat(twelve.getHeight() - image.getHeight()).isEqualTo(9 * (64 + 6));

    // each of the three strips holds trace pixels
    int top = 10;
    for (int c = 0; c < 3; c++) {
      int y0 = top + c * 70;
      assertThat(Pixels.count(image, BLUE, 40, 0, y0, image.getWidth(), y0 + 64))
          .as("strip %d", c).isGreaterThan(300);
    }
  }

  @Test
  void nanAndFlatChannelsDoNotBreakIt() {
    float[] values = new float[100 * 2];
    for (int t = 0; t < 100; t++) {
      values[t * 2] = t < 50 ? Float.NaN : t;
      values[t * 2 + 1] = 3f;
    }
    BufferedImage image = SignalPanels.standard().withSharedScale(true)
        .render("gaps", values, 100, 1.5, List.of("a", "b"));
    assertThat(Pixels.count(image, BLUE, 40)).isGreaterThan(200);
    assertThatThrownBy(() -> SignalPanels.standard().render("w", new float[5], 100, 0, List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 values");
  }

  @Test
  void previewOfAStandardizedWindow() {
    int rate = 100;
    float[] record = SyntheticEcg.twelveLeads(10 * rate, rate);
    int start = 300;
    int length = 250;
    float[] window = new float[length * 12];
    for (int c = 0; c < 12; c++) {
      double mean = 0;
      for (int t = 0; t < length; t++) {
        mean += record[(start + t) * 12 + c];
      }
      mean /= length;
      double var = 0;
      for (int t = 0; t < length; t++) {
        var += Math.pow(record[(start + t) * 12 + c] - mean, 2);
      }
      double sd = Math.sqrt(var / length);
      for (int t = 0; t < length; t++) {
        window[t * 12 + c] = (float) ((record[(start + t) * 12 + c] - mean) / sd);
      }
    }
    BufferedImage image = SignalPanels.standard()
        .render("synthetic-7, 3.0-5.5 s, standardized per lead", window, rate, 3.0, EcgPaperPlotTest.LEADS);
    Pixels.preview("signal-panels", image);
    assertThat(image.getHeight()).isGreaterThan(12 * 64);
  }
}
