package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link SignalPanels} draws, checked on its pixels: each channel's samples at the pixels of
 * their time and value in that channel's own panel, on its own or a shared scale, NaN left out.
 */
class SignalPanelsTest {
  static final int BLUE = 0x1F77B4;

  /** Where the samples of {@code channel} must be drawn, every {@code step}-th one, NaN left out. */
  static List<Point2D> samplePoints(SignalPanels.Layout layout, float[] values, int channels, int channel,
      double rate, double start, int step) {
    Axes axes = layout.panels().get(channel);
    List<Point2D> points = new ArrayList<>();
    for (int t = 0; t < values.length / channels; t += step) {
      float v = values[t * channels + channel];
      if (Float.isFinite(v)) {
        points.add(new Point2D.Double(axes.x(start + t / rate), axes.y(v)));
      }
    }
    return points;
  }

  /** The points that no pixel of the (1.3 px, blue) trace is near. */
  static List<Point2D> traceMisses(BufferedImage image, List<Point2D> points) {
    return Pixels.misses(image, points, BLUE, Pixels.THIN_LINE_TOLERANCE, 1);
  }

  @Test
  void eachChannelIsDrawnInItsOwnPanel() {
    float[] values = new float[250 * 3];
    for (int t = 0; t < 250; t++) {
      for (int c = 0; c < 3; c++) {
        values[t * 3 + c] = (float) Math.sin(2 * Math.PI * (c + 1) * t / 250.0);
      }
    }
    SignalPanels panels = SignalPanels.standard();
    List<String> names = List.of("I", "II", "III");
    BufferedImage image = panels.render("", values, 100, 0, names);
    assertThat(image.getWidth()).isEqualTo(900);
    BufferedImage twelve = panels.render("", new float[250 * 12], 100, 0, EcgPaperPlotTest.LEADS);
    assertThat(twelve.getHeight() - image.getHeight()).isEqualTo(9 * (64 + 6));

    // one, two and three periods of a sine, each in its own strip, one below the other
    SignalPanels.Layout layout = panels.layout("", values, 100, 0, names);
    for (int c = 0; c < 3; c++) {
      Rectangle2D area = layout.panels().get(c).area();
      assertThat(area.getHeight()).isEqualTo(64);
      assertThat(area.getY()).isEqualTo(10 + c * 70);
      List<Point2D> points = samplePoints(layout, values, 3, c, 100, 0, 2);
      assertThat(traceMisses(image, points)).as("channel %s", names.get(c)).isEmpty();
    }
  }

  @Test
  void nanIsLeftOutAndASharedScaleDrawsAFlatChannelAtItsValue() {
    float[] values = new float[100 * 2];
    for (int t = 0; t < 100; t++) {
      values[t * 2] = t < 50 ? Float.NaN : t;
      values[t * 2 + 1] = 3f;
    }
    SignalPanels panels = SignalPanels.standard().withSharedScale(true);
    List<String> names = List.of("a", "b");
    BufferedImage image = panels.render("gaps", values, 100, 1.5, names);
    SignalPanels.Layout layout = panels.layout("gaps", values, 100, 1.5, names);
    // a rises from 50 at 2 s; b is 3 all along, near the bottom of the shared scale 3 .. 99
    for (int c = 0; c < 2; c++) {
      assertThat(traceMisses(image, samplePoints(layout, values, 2, c, 100, 1.5, 1))).isEmpty();
    }
    Axes b = layout.panels().get(1);
    assertThat(b.y(3)).isGreaterThan(b.area().getMaxY() - 10);
    // nothing blue in a's panel before 2 s
    Axes a = layout.panels().get(0);
    Rectangle2D area = a.area();
    assertThat(Pixels.count(image, BLUE, Pixels.LINE_TOLERANCE, (int) area.getX(), (int) area.getY(),
        (int) a.x(2.0) - 2, (int) area.getMaxY())).isZero();
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
    String title = "synthetic-7, 3.0-5.5 s, standardized per lead";
    BufferedImage image = SignalPanels.standard().render(title, window, rate, 3.0, EcgPaperPlotTest.LEADS);
    Pixels.preview("signal-panels", image);
    SignalPanels.Layout layout = SignalPanels.standard().layout(title, window, rate, 3.0, EcgPaperPlotTest.LEADS);
    for (int c = 0; c < 12; c++) {
      List<Point2D> points = samplePoints(layout, window, 12, c, rate, 3.0, 1);
      assertThat(traceMisses(image, points)).as("lead %s", EcgPaperPlotTest.LEADS.get(c)).isEmpty();
    }
  }
}
