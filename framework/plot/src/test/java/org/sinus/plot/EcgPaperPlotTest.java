package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcgPaperPlotTest {
  static final List<String> LEADS =
      List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

  @Test
  void aTenSecondTwelveLeadRecordIsAboutTwelveHundredPixelsOfTrace() {
    EcgSignal signal = new EcgSignal("1", List.of(), new float[5000 * 12], 500, LEADS);
    EcgPaperPlot plot = EcgPaperPlot.standard();
    EcgPaperPlot.Layout layout = plot.layout(signal);
    BufferedImage image = plot.render(signal);

    assertThat(image.getWidth()).isEqualTo(layout.width());
    assertThat(image.getHeight()).isEqualTo(layout.height());
    // 10 s × 25 mm/s × 5 px/mm
    assertThat(layout.x(10) - layout.x(0)).isEqualTo(1250);
    assertThat(image.getWidth()).isBetween(1300, 1450);
    // 12 rows of 25 mm at 5 px/mm, plus a title line and the time axis
    assertThat(image.getHeight()).isBetween(1500, 1600);
    assertThat(layout.rowHeight()).isEqualTo(125);
  }

  @Test
  void aOneMillivoltStepRaisesTheTraceByTenMillimetres() {
    int samples = 5000;
    float[] values = new float[samples * 12];
    for (int t = samples / 2; t < samples; t++) {
      values[t * 12] = 1f; // lead I steps from 0 to 1 mV at 5 s
    }
    EcgSignal signal = new EcgSignal("step", List.of(), values, 500, LEADS);
    EcgPaperPlot plot = EcgPaperPlot.standard();
    EcgPaperPlot.Layout layout = plot.layout(signal);
    BufferedImage image = plot.render(signal);

    int top = (int) layout.rowTop(0);
    int bottom = (int) layout.rowTop(1);
    double before = Pixels.darkRow(image, (int) layout.x(2.02), top, bottom, 100);
    double after = Pixels.darkRow(image, (int) layout.x(7.02), top, bottom, 100);
    assertThat(before).isCloseTo(layout.baselines()[0], within(1.0));
    assertThat(before - after).isCloseTo(10 * 5.0, within(1.0)); // 10 mm/mV × 5 px/mm
  }

  @Test
  void gainAndSpeedScaleTheTrace() {
    int samples = 1000;
    float[] values = new float[samples];
    for (int t = samples / 2; t < samples; t++) {
      values[t] = 1f;
    }
    EcgSignal signal = new EcgSignal("", List.of(), values, 250, List.of("II"));
    EcgPaperPlot plot = EcgPaperPlot.standard().withGain(20).withSpeed(50).withPixelsPerMm(4)
        .withRowHeightMm(40);
    EcgPaperPlot.Layout layout = plot.layout(signal);
    BufferedImage image = plot.render(signal);

    assertThat(layout.x(4) - layout.x(0)).isEqualTo(4 * 50 * 4);
    int bottom = (int) (layout.rowTop(0) + layout.rowHeight());
    double before = Pixels.darkRow(image, (int) layout.x(1), (int) layout.rowTop(0), bottom, 100);
    double after = Pixels.darkRow(image, (int) layout.x(3), (int) layout.rowTop(0), bottom, 100);
    assertThat(before - after).isCloseTo(20 * 4.0, within(1.0));
  }

  @Test
  void eachRowStartsWithAOneMillivoltCalibrationPulse() {
    EcgSignal signal = new EcgSignal("", List.of(), new float[2500 * 3], 500, List.of("I", "II", "III"));
    EcgPaperPlot plot = EcgPaperPlot.standard();
    EcgPaperPlot.Layout layout = plot.layout(signal);
    BufferedImage image = plot.render(signal);
    for (int lead = 0; lead < 3; lead++) {
      // the pulse's top runs 0.2 s (5 mm) wide, 10 mm above the baseline, from 2 mm into the row
      int x = (int) (layout.paperLeft() + (2 + 2.5) * 5);
      double top = Pixels.darkRow(image, x, (int) layout.rowTop(lead),
          (int) (layout.rowTop(lead) + layout.rowHeight()), 100);
      assertThat(top).isCloseTo(layout.baselines()[lead] - 50, within(1.0));
    }
  }

  @Test
  void tracesThatLeaveTheirRowAreCutAtItsEdge() {
    int samples = 1000;
    float[] values = new float[samples * 2];
    for (int t = 0; t < samples; t++) {
      values[t * 2] = (t / 50) % 2 == 0 ? 8f : -8f; // ±8 mV: far beyond a 25 mm row
      values[t * 2 + 1] = Float.NaN; // lead 2 draws nothing
    }
    EcgSignal signal = new EcgSignal("", List.of(), values, 500, List.of("I", "II"));
    EcgPaperPlot plot = EcgPaperPlot.standard();
    EcgPaperPlot.Layout layout = plot.layout(signal);
    BufferedImage image = plot.render(signal);

    int x0 = (int) layout.traceLeft();
    int x1 = (int) layout.x(2.0);
    int row1Top = (int) layout.rowTop(1);
    // above the first row, and in the second row, nothing is black
    int row0Top = (int) layout.rowTop(0);
    assertThat(Pixels.count(image, 0x000000, 60, x0, row0Top - 6, x1, row0Top)).isZero();
    assertThat(Pixels.count(image, 0x000000, 60, x0, row1Top + 1, x1, row1Top + 124)).isZero();
    // inside the first row the trace is there
    assertThat(Pixels.count(image, 0x000000, 60, x0, (int) layout.rowTop(0), x1, row1Top)).isGreaterThan(100);
  }

  @Test
  void paperHasMinorAndMajorGridLines() {
    EcgSignal signal = new EcgSignal("", List.of(), new float[500], 500, List.of("I"));
    EcgPaperPlot.Layout layout = EcgPaperPlot.standard().layout(signal);
    BufferedImage image = EcgPaperPlot.standard().render(signal);
    int y = (int) layout.rowTop(0) + 2 * 5 + 2; // between horizontal lines, away from the trace
    int left = (int) layout.paperLeft();
    assertThat(Pixels.rgb(image, left + 5 * 5, y)).isEqualTo(EcgPaperPlot.MAJOR_RGB);
    assertThat(Pixels.rgb(image, left + 5 * 6, y)).isEqualTo(EcgPaperPlot.MINOR_RGB);
    assertThat(Pixels.rgb(image, left + 5 * 6 + 2, y)).isEqualTo(EcgPaperPlot.PAPER_RGB);
  }

  @Test
  void highlightShadesTheMaskedSamplesOfTheMaskedLeadsOnly() {
    int samples = 1000;
    float[] mask = new float[samples * 2];
    for (int t = 400; t < 600; t++) {
      mask[t * 2 + 1] = 1; // lead II, 0.8 s to 1.2 s
    }
    EcgSignal signal = new EcgSignal("", List.of(), new float[samples * 2], 500, List.of("I", "II"));
    EcgPaperPlot plot = EcgPaperPlot.standard();
    EcgPaperPlot.Layout layout = plot.layout(signal);
    BufferedImage image = plot.render(signal, new EcgPaperPlot.Highlight(mask, "ground truth"));

    int y = (int) layout.rowTop(1) + 12; // a paper pixel of row II, off every grid line
    int inside = (int) layout.x(1.0) + 2;
    int outside = (int) layout.x(1.4) + 2;
    assertThat(Pixels.rgb(image, outside, y)).isEqualTo(EcgPaperPlot.PAPER_RGB);
    int shaded = Pixels.rgb(image, inside, y);
    assertThat(shaded & 0xFF).isGreaterThan(shaded >> 16 & 0xFF); // bluish now, not pink
    int rowI = (int) layout.rowTop(0) + 12;
    assertThat(Pixels.rgb(image, inside, rowI)).isEqualTo(EcgPaperPlot.PAPER_RGB);
    assertThatThrownBy(() -> plot.render(signal, new EcgPaperPlot.Highlight(new float[3], "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values");
  }

  @Test
  void nanSamplesLeaveGaps() {
    float[] values = new float[1000];
    Arrays.fill(values, 300, 700, Float.NaN);
    EcgSignal signal = new EcgSignal("", List.of(), values, 500, List.of("I"));
    EcgPaperPlot.Layout layout = EcgPaperPlot.standard().layout(signal);
    BufferedImage image = EcgPaperPlot.standard().render(signal);
    int top = (int) layout.rowTop(0);
    int bottom = (int) (top + layout.rowHeight());
    assertThat(Pixels.darkRow(image, (int) layout.x(0.3), top, bottom, 100)).isNotNaN();
    assertThat(Pixels.darkRow(image, (int) layout.x(1.0), top, bottom, 100)).isNaN();
  }

  @Test
  void rejectsInconsistentInput() {
    assertThatThrownBy(() -> new EcgSignal("7", List.of(), new float[13], 500, LEADS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record 7")
        .hasMessageContaining("13 values");
    assertThatThrownBy(() -> new EcgSignal("7", List.of(), new float[12], 0, LEADS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampling rate");
    assertThatThrownBy(() -> EcgPaperPlot.standard().withSpeed(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed");
  }

  @Test
  void rendersHeadless() {
    // loading a chart class sets the property unless the application set it; surefire does not
    EcgPaperPlot.standard();
    assertThat(System.getProperty("java.awt.headless")).isNotNull();
  }

  @Test
  void previewOfASyntheticTwelveLeadRecord() {
    int rate = 500;
    int samples = 10 * rate;
    float[] values = SyntheticEcg.twelveLeads(samples, rate);
    float[] mask = new float[values.length];
    for (int t = (int) (3.1 * rate); t < (int) (4.6 * rate); t++) {
      for (int lead = 6; lead <= 8; lead++) {
        mask[t * 12 + lead] = 1;
      }
    }
    EcgSignal signal = new EcgSignal("synthetic-7", List.of("NORM", "STTC"), values, rate, LEADS);
    BufferedImage image = EcgPaperPlot.standard()
        .render(signal, new EcgPaperPlot.Highlight(mask, "ground truth: STTC"));
    Pixels.preview("ecg-paper", image);
    assertThat(Pixels.count(image, 0x000000, 40)).isGreaterThan(12 * 1000);
  }
}
