package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@link EcgPaperPlot} draws, checked on its pixels: each lead's trace at the height (10 mm/mV)
 * and time (25 mm/s) of its samples, in its own row and nowhere else, named beside its baseline;
 * the millimetre grid at the paper's scale; calibration pulses; traces cut at their row; gaps;
 * highlights.
 */
class EcgPaperPlotTest {
  static final List<String> LEADS =
      List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
  /** How far (per channel) an antialiased pixel of the black trace may be from black. */
  static final int TRACE_TOLERANCE = 110;

  /**
   * 3 s at 500 Hz of three leads: I flat at 0, II at 1.5 mV from 1 s to 2 s (which moves its
   * baseline down its row), III at −0.5 mV from 0.5 s to 1 s.
   */
  static EcgSignal pulses() {
    int rate = 500;
    float[] values = new float[3 * rate * 3];
    for (int t = rate; t < 2 * rate; t++) {
      values[t * 3 + 1] = 1.5f;
    }
    for (int t = rate / 2; t < rate; t++) {
      values[t * 3 + 2] = -0.5f;
    }
    return new EcgSignal("pulses", List.of(), values, rate, List.of("I", "II", "III"));
  }

  /**
   * Where every {@code step}-th sample of {@code lead} must be drawn, leaving out samples beyond
   * 2 px from their row's edges (cut off there).
   */
  static List<Point2D> samplePoints(EcgPaperPlot.Layout layout, EcgSignal signal, int lead, int step) {
    List<Point2D> points = new ArrayList<>();
    for (int t = 0; t < signal.samples(); t += step) {
      float v = signal.value(t, lead);
      double y = layout.y(lead, v);
      if (Float.isFinite(v) && y > layout.rowTop(lead) + 2 && y < layout.rowTop(lead) + layout.rowHeight() - 2) {
        points.add(new Point2D.Double(layout.x(t / signal.samplingRate()), y));
      }
    }
    return points;
  }

  static List<Point2D> traceMisses(BufferedImage image, List<Point2D> points) {
    return Pixels.misses(image, points, EcgPaperPlot.TRACE_RGB, TRACE_TOLERANCE, 1);
  }

  @Test
  void aTenSecondTwelveLeadRecordIsTwelveHundredAndFiftyPixelsOfTracePerRow() {
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
    // each flat lead is a line along its own baseline over the whole 10 s
    for (int lead = 0; lead < 12; lead++) {
      assertThat(layout.baselines()[lead]).isBetween(layout.rowTop(lead), layout.rowTop(lead + 1));
      assertThat(traceMisses(image, samplePoints(layout, signal, lead, 25))).as("lead %s", LEADS.get(lead))
          .isEmpty();
    }
  }

  @Test
  void eachLeadsSamplesAreDrawnAtTheirTimeAndHeightInTheLeadsRow() {
    EcgSignal signal = pulses();
    EcgPaperPlot plot = EcgPaperPlot.standard();
    EcgPaperPlot.Layout layout = plot.layout(signal);
    BufferedImage image = plot.render(signal);
    // 1.5 mV = 15 mm = 75 px above the baseline, 1 s = 25 mm = 125 px after time 0
    assertThat(layout.y(1, 1.5)).isEqualTo(layout.baselines()[1] - 75);
    assertThat(layout.x(1) - layout.traceLeft()).isEqualTo(125);
    for (int lead = 0; lead < 3; lead++) {
      List<Point2D> points = samplePoints(layout, signal, lead, 5);
      assertThat(points).hasSize(300);
      assertThat(traceMisses(image, points)).as("lead %s", signal.leads().get(lead)).isEmpty();
    }
  }

  @Test
  void aRowHoldsTraceAwayFromItsBaselineOnlyWhereItsLeadIsNotZero() {
    EcgSignal signal = pulses();
    EcgPaperPlot plot = EcgPaperPlot.standard();
    EcgPaperPlot.Layout layout = plot.layout(signal);
    BufferedImage image = plot.render(signal);
    double[][] nonzero = {{}, {1.0, 2.0}, {0.5, 1.0}}; // seconds, per lead
    int x0 = (int) layout.traceLeft() - 1;
    int x1 = (int) layout.x(signal.seconds()) + 2;
    for (int lead = 0; lead < 3; lead++) {
      int baseline = (int) layout.baselines()[lead];
      int top = (int) layout.rowTop(lead) + 1;
      int bottom = (int) layout.rowTop(lead + 1);
      int from = nonzero[lead].length == 0 ? x1 : (int) layout.x(nonzero[lead][0]) - 2;
      int to = nonzero[lead].length == 0 ? x1 : (int) layout.x(nonzero[lead][1]) + 2;
      int rgb = EcgPaperPlot.TRACE_RGB;
      int outside = 0;
      for (int[] columns : new int[][] {{x0, from}, {to, x1}}) {
        outside += Pixels.count(image, rgb, TRACE_TOLERANCE, columns[0], top, columns[1], baseline - 3)
            + Pixels.count(image, rgb, TRACE_TOLERANCE, columns[0], baseline + 4, columns[1], bottom);
      }
      assertThat(outside).as("trace pixels of lead %s off its baseline while it is 0", signal.leads().get(lead))
          .isZero();
      if (nonzero[lead].length > 0) {
        int inside = Pixels.count(image, rgb, TRACE_TOLERANCE, from, top, to, baseline - 3)
            + Pixels.count(image, rgb, TRACE_TOLERANCE, from, baseline + 4, to, bottom);
        assertThat(inside).as("trace pixels of lead %s off its baseline while it is not", signal.leads().get(lead))
            .isGreaterThan(100);
      }
    }
  }

  @Test
  void relevanceTintsItsLeadsRowRedWherePositiveAndBlueWhereNegative() {
    EcgSignal signal = new EcgSignal("r", List.of(), new float[500 * 12], 100, LEADS);   // 5 s of flat lines
    int leads = signal.leads().size();
    float[] relevance = new float[signal.values().length];
    int rate = (int) signal.samplingRate();
    for (int t = rate; t < 2 * rate; t++) {
      relevance[t * leads + 2] = 1;                        // lead III, second 1 to 2: strongest positive
    }
    for (int t = 4 * rate; t < 5 * rate; t++) {
      relevance[t * leads + 7] = -0.5f;                    // V2, second 4 to 5: half as strong, negative
    }
    EcgPaperPlot plot = EcgPaperPlot.standard();
    BufferedImage image = plot.render(signal, new EcgPaperPlot.Relevance(relevance, "relevance for MI"));
    Pixels.preview("ecg-relevance", image);
    EcgPaperPlot.Layout layout = plot.layout(signal);
    int red = Pixels.rgb(image, (int) layout.x(1.5), (int) (layout.rowTop(2) + layout.rowHeight() / 4));
    int blue = Pixels.rgb(image, (int) layout.x(4.5), (int) (layout.rowTop(7) + layout.rowHeight() / 4));
    int untouched = Pixels.rgb(image, (int) layout.x(1.5), (int) (layout.rowTop(3) + layout.rowHeight() / 4));
    assertThat((red >> 16 & 0xFF) - (red & 0xFF)).as("red over lead III at 1.5 s").isGreaterThan(60);
    assertThat((blue & 0xFF) - (blue >> 16 & 0xFF)).as("blue over V2 at 4.5 s").isGreaterThan(20);
    assertThat(Pixels.distance(untouched, Pixels.rgb(plot.render(signal), (int) layout.x(1.5),
        (int) (layout.rowTop(3) + layout.rowHeight() / 4)))).as("aVR's row as without relevance").isZero();
    assertThat(Pixels.distance(red, EcgPaperPlot.POSITIVE_RGB))
        .as("the strongest relevance is the most saturated").isLessThan(Pixels.distance(blue, EcgPaperPlot.NEGATIVE_RGB) + 200);
  }

  @Test
  void eachLeadIsNamedBesideItsBaseline() {
    EcgSignal signal = pulses();
    EcgPaperPlot plot = EcgPaperPlot.standard();
    EcgPaperPlot.Layout layout = plot.layout(signal);
    BufferedImage image = plot.render(signal);
    // lead II's 1.5 mV pulse moves its baseline 3 mm lower than the others'
    assertThat(layout.baselines()[1] - layout.rowTop(1)).isEqualTo(layout.baselines()[0] - layout.rowTop(0) + 15);
    for (int lead = 0; lead < 3; lead++) {
      double name = Pixels.darkRow(image, 0, (int) layout.paperLeft() - 2, (int) layout.rowTop(lead),
          (int) layout.rowTop(lead + 1), 128);
      assertThat(name).as("middle of the name of lead %s", signal.leads().get(lead))
          .isCloseTo(layout.baselines()[lead], within(3.0));
    }
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

  /** Two leads, 2 s of NaN: only paper, grid and calibration pulses. */
  static EcgSignal blank() {
    float[] values = new float[1000 * 2];
    Arrays.fill(values, Float.NaN);
    return new EcgSignal("", List.of(), values, 500, List.of("I", "II"));
  }

  /**
   * The colour the paper has {@code offset} pixels right of (or below) its edge at 5 px/mm, with a
   * row line every {@code rowMm} millimetres (over the bold line there).
   */
  static int paperColour(int offset, int rowMm) {
    int mm = offset / 5;
    if (offset % 5 != 0) {
      return EcgPaperPlot.PAPER_RGB;
    }
    return mm % rowMm == 0 ? EcgPaperPlot.ROW_RGB : mm % 5 == 0 ? EcgPaperPlot.MAJOR_RGB : EcgPaperPlot.MINOR_RGB;
  }

  @Test
  void theGridHasALineEveryMillimetreAndABoldOneEveryFifth() {
    EcgSignal signal = blank();
    EcgPaperPlot.Layout layout = EcgPaperPlot.standard().layout(signal);
    BufferedImage image = EcgPaperPlot.standard().render(signal);
    int left = (int) layout.paperLeft();
    int top = (int) layout.paperTop();
    List<String> wrong = new ArrayList<>();
    // across, between two horizontal lines, right of the calibration pulse (rows do not end across)
    int y = top + 2 * 5 + 2;
    for (int x = (int) layout.traceLeft(); x <= left + (int) layout.paperWidth(); x++) {
      if (Pixels.rgb(image, x, y) != paperColour(x - left, Integer.MAX_VALUE)) {
        wrong.add("column " + x);
      }
    }
    // down both rows, between two vertical lines
    int x = (int) layout.traceLeft() + 2;
    for (y = top; y <= (int) layout.rowTop(2); y++) {
      if (Pixels.rgb(image, x, y) != paperColour(y - top, 25)) {
        wrong.add("row " + y);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void gridLinesMarkEveryFortyMillisecondsAndEveryTenthOfAMillivolt() {
    EcgSignal signal = blank();
    EcgPaperPlot.Layout layout = EcgPaperPlot.standard().layout(signal);
    BufferedImage image = EcgPaperPlot.standard().render(signal);
    int y = (int) layout.rowTop(0) + 2 * 5 + 2; // between two horizontal lines
    for (int k = 0; k < Math.round(signal.seconds() / 0.04); k++) {
      int expected = k % 5 == 0 ? EcgPaperPlot.MAJOR_RGB : EcgPaperPlot.MINOR_RGB; // bold every 0.2 s
      assertThat(Pixels.rgb(image, (int) layout.x(k * 0.04), y)).as("%.2f s", k * 0.04).isEqualTo(expected);
      assertThat(Pixels.rgb(image, (int) layout.x(k * 0.04) + 2, y)).isEqualTo(EcgPaperPlot.PAPER_RGB);
    }
    int x = (int) layout.traceLeft() + 2; // between two vertical lines
    Set<Integer> lines = Set.of(EcgPaperPlot.MINOR_RGB, EcgPaperPlot.MAJOR_RGB, EcgPaperPlot.ROW_RGB);
    for (int lead = 0; lead < 2; lead++) {
      for (int k = -12; k <= 12; k++) {
        int row = (int) layout.y(lead, k * 0.1);
        if (row >= layout.rowTop(lead) && row < layout.rowTop(lead + 1)) {
          assertThat(Pixels.rgb(image, x, row)).as("lead %d, %.1f mV", lead, k * 0.1).isIn(lines);
          assertThat(Pixels.rgb(image, x, row + 2)).isEqualTo(EcgPaperPlot.PAPER_RGB);
        }
      }
    }
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
    EcgPaperPlot.Layout layout = EcgPaperPlot.standard().layout(signal);
    for (int lead = 0; lead < 12; lead++) {
      List<Point2D> points = samplePoints(layout, signal, lead, 5);
      assertThat(points).as("samples of lead %s inside its row", LEADS.get(lead)).hasSizeGreaterThan(900);
      assertThat(traceMisses(image, points)).as("lead %s", LEADS.get(lead)).isEmpty();
    }
  }
}
