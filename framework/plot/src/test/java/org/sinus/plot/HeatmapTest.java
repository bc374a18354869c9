package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.preview.Axis;
import org.sinus.api.preview.Matrix;
import org.sinus.api.preview.Tick;

class HeatmapTest {
  static final int TOP = 0xFDE725; // viridis at 1
  static final int BOTTOM = 0x440154; // viridis at 0

  /** 3 rows × 4 columns: 0..11 row-major, so the maximum is row 2, column 3. */
  static Matrix counting() {
    float[] values = new float[12];
    for (int i = 0; i < 12; i++) {
      values[i] = i;
    }
    return new Matrix("counting", values, 3, 4);
  }

  @Test
  void theMaximumCellHasTheTopColourAndTheMinimumTheBottomColour() {
    Heatmap heatmap = Heatmap.standard().withPlotSize(400, 300);
    BufferedImage image = heatmap.render(counting(), Axis.none(), Axis.none());
    // one cell is 100 × 100 pixels less the frame's line along two of its sides; the colour bar
    // may hold a few more pixels of the end colours
    assertThat(Pixels.count(image, TOP, 0)).isBetween(99 * 99, 100 * 100 + 16 * 4);
    assertThat(Pixels.count(image, BOTTOM, 0)).isBetween(99 * 99, 100 * 100 + 16 * 4);
  }

  @Test
  void rowZeroIsOnTopUnlessAskedOtherwise() {
    Heatmap top = Heatmap.standard().withPlotSize(40, 30);
    BufferedImage down = top.cells(counting(), 40, 30, new double[] {0, 11});
    assertThat(Pixels.rgb(down, 35, 25)).isEqualTo(TOP); // row 2 at the bottom right
    assertThat(Pixels.rgb(down, 5, 5)).isEqualTo(BOTTOM);
    BufferedImage up = top.withRowZeroAtBottom(true).cells(counting(), 40, 30, new double[] {0, 11});
    assertThat(Pixels.rgb(up, 35, 5)).isEqualTo(TOP); // row 2 at the top right
    assertThat(Pixels.rgb(up, 5, 25)).isEqualTo(BOTTOM);
  }

  @Test
  void pixelsCoveringSeveralCellsShowTheirMeanAndNanCellsAreLeftOut() {
    var stripes = new Matrix("", new float[] {0, 1, 0, 1, Float.NaN, 1, Float.NaN, Float.NaN}, 1, 8);
    BufferedImage image = Heatmap.standard().cells(stripes, 4, 1, new double[] {0, 1});
    assertThat(Pixels.rgb(image, 0, 0)).isEqualTo(Colormap.VIRIDIS.rgb(0.5));
    assertThat(Pixels.rgb(image, 1, 0)).isEqualTo(Colormap.VIRIDIS.rgb(0.5));
    assertThat(Pixels.rgb(image, 2, 0)).isEqualTo(TOP); // NaN and 1: the NaN does not count
    assertThat(Pixels.rgb(image, 3, 0)).isEqualTo(0xD0D0D0); // only NaN: grey
  }

  @Test
  void aFixedRangeClampsValues() {
    BufferedImage image = Heatmap.standard().withRange(2, 9).cells(counting(), 4, 3, new double[] {2, 9});
    assertThat(Pixels.rgb(image, 0, 0)).isEqualTo(BOTTOM); // 0 is below 2
    assertThat(Pixels.rgb(image, 1, 0)).isEqualTo(BOTTOM); // 1 is below 2
    assertThat(Pixels.rgb(image, 2, 2)).isEqualTo(TOP); // 10 is above 9
  }

  @Test
  void linearAndLogarithmicAxesPutTicksAtTheRightCells() {
    // 1000 columns, one every 10 ms from 0 s
    var time = Axis.linear("time (s)", 1000, 0, 9.99);
    assertThat(time.ticks()).extracting(Tick::label).containsExactly("0", "2", "4", "6", "8");
    assertThat(time.ticks().get(2).cell()).isCloseTo(400, within(1e-9));

    // 64 rows from 0.5 Hz to 50 Hz, geometrically spaced: 5 Hz is halfway in log terms
    var frequency = Axis.logarithmic("frequency (Hz)", 64, 0.5, 50);
    assertThat(frequency.ticks()).extracting(Tick::label)
        .containsExactly("0.5", "1", "2", "5", "10", "20", "50");
    assertThat(frequency.ticks().get(3).cell()).isCloseTo(31.5, within(1e-9));
    assertThat(frequency.ticks().get(6).cell()).isCloseTo(63, within(1e-9));
  }

  @Test
  void aGridSharesOneColourScale() {
    float[] low = new float[20];
    float[] high = new float[20];
    Arrays.fill(low, 1);
    Arrays.fill(high, 2);
    var matrices = List.of(new Matrix("low", low, 4, 5), new Matrix("high", high, 4, 5));
    BufferedImage image = Heatmap.standard().withPlotSize(100, 80)
        .renderGrid("shared", matrices, 2, Axis.none(), Axis.none());
    // alone, each constant matrix would be mid-scale; together one is the bottom, one the top
    // (less the frame's line along two sides of each panel)
    assertThat(Pixels.count(image, BOTTOM, 0)).isGreaterThanOrEqualTo(99 * 79);
    assertThat(Pixels.count(image, TOP, 0)).isGreaterThanOrEqualTo(99 * 79);
    assertThatThrownBy(() -> Heatmap.standard().renderGrid("bad",
        List.of(matrices.get(0), new Matrix("other", new float[6], 2, 3)), 2, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'other' is 2 × 3");
  }

  @Test
  void rejectsAMatrixOfTheWrongSize() {
    assertThatThrownBy(() -> new Matrix("V1", new float[10], 3, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'V1'")
        .hasMessageContaining("needs 12 values, got 10");
  }

  @Test
  void previewOfScalograms() {
    int rows = 48;
    int columns = 500;
    double rate = 50; // columns per second
    List<Matrix> leads = new ArrayList<>();
    for (String lead : EcgPaperPlotTest.LEADS) {
      leads.add(new Matrix(lead, chirpScalogram(rows, columns, rate, lead.length()), rows, columns));
    }
    var time = Axis.linear("time (s)", columns, 0, (columns - 1) / rate);
    var frequency = Axis.logarithmic("frequency (Hz)", rows, 0.5, 40);
    Heatmap heatmap = Heatmap.standard().withRowZeroAtBottom(true).withValueLabel("|W| (a.u.)");
    BufferedImage single = heatmap.render(leads.get(1).withTitle("Lead II, record synthetic-7"), time, frequency);
    BufferedImage grid = heatmap.withPlotSize(300, 110)
        .renderGrid("Scalograms, record synthetic-7", leads, 3, time, frequency);
    Pixels.preview("heatmap", single);
    Pixels.preview("heatmap-grid", grid);
    assertThat(grid.getWidth()).isGreaterThan(3 * 300);
    assertThat(grid.getHeight()).isGreaterThan(4 * 110);
  }

  /** A scalogram-like pattern: energy around 1 Hz with beats, plus a band that rises in frequency. */
  private static float[] chirpScalogram(int rows, int columns, double rate, int seed) {
    float[] values = new float[rows * columns];
    for (int r = 0; r < rows; r++) {
      double logF = Math.log(0.5) + r / (rows - 1.0) * Math.log(80);
      for (int c = 0; c < columns; c++) {
        double t = c / rate;
        double beat = Math.exp(-Math.pow((t % 0.83) - 0.4, 2) / 0.002);
        double low = Math.exp(-Math.pow(logF - Math.log(1.2), 2) / 0.5);
        double qrs = beat * Math.exp(-Math.pow(logF - Math.log(15), 2) / 0.4);
        double chirp = 0.4 * Math.exp(-Math.pow(logF - Math.log(2 + 3 * t), 2) / 0.02) * (seed % 3 + 1) / 3;
        values[r * columns + c] = (float) (low + qrs + chirp);
      }
    }
    return values;
  }
}
