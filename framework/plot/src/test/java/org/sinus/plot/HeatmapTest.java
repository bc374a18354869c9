package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.preview.Axis;
import org.sinus.api.preview.Matrix;
import org.sinus.api.preview.Tick;

/**
 * What {@link Heatmap} draws, checked on its pixels: each cell in the colour of its value at the
 * place its axis ticks give it (row 0 on top or at the bottom), the colour bar running from the
 * lowest colour at the bottom to the highest on top in step with its ticks, a grid's panels on one
 * colour scale, pixels over several cells showing their mean, NaN cells grey.
 */
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
  void eachCellHasTheColourOfItsValueBesideItsTick() {
    Axis rows = Axis.of("row", List.of(new Tick(0, "r0"), new Tick(2, "r2")));
    for (boolean bottom : new boolean[] {false, true}) {
      Heatmap heatmap = Heatmap.standard().withPlotSize(400, 300).withRowZeroAtBottom(bottom);
      Matrix matrix = counting();
      BufferedImage image = heatmap.render(matrix, Axis.none(), rows);
      Heatmap.Layout layout = heatmap.layout(matrix.title(), List.of(matrix.withTitle("")), 1, Axis.none(), rows);
      Rectangle2D area = layout.panels().get(0);
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 4; c++) {
          Point2D centre = heatmap.cellCentre(area, 3, 4, r, c);
          assertThat(Pixels.rgb(image, centre)).as("row %d, column %d, row 0 at the bottom: %s", r, c, bottom)
              .isEqualTo(Colormap.VIRIDIS.rgb((r * 4 + c) / 11.0));
        }
      }
      // one cell is 100 × 100 pixels (less the frame's line along two of its sides)
      Point2D top = heatmap.cellCentre(area, 3, 4, bottom ? 2 : 0, 0);
      Point2D below = heatmap.cellCentre(area, 3, 4, 1, 0);
      assertThat(below.getY() - top.getY()).isEqualTo(100);
      // the tick marks left of the frame are level with rows 0 and 2
      for (int r : new int[] {0, 2}) {
        Point2D centre = heatmap.cellCentre(area, 3, 4, r, 0);
        assertThat(Pixels.rgb(image, (int) area.getX() - 2, (int) centre.getY())).as("tick of row %d", r)
            .isEqualTo(0x555555);
      }
    }
  }

  @Test
  void theColourBarRunsFromTheLowestColourUpToTheHighestInStepWithItsTicks() {
    Heatmap heatmap = Heatmap.standard().withPlotSize(400, 300);
    Matrix matrix = counting();
    BufferedImage image = heatmap.render(matrix, Axis.none(), Axis.none());
    Heatmap.Layout layout = heatmap.layout(matrix.title(), List.of(matrix.withTitle("")), 1, null, null);
    Rectangle2D bar = layout.bar();
    assertThat(layout.range()).containsExactly(0, 11);
    int x = (int) bar.getCenterX();
    assertThat(Pixels.distance(Pixels.rgb(image, x, (int) bar.getY() + 1), TOP)).isLessThanOrEqualTo(3);
    assertThat(Pixels.distance(Pixels.rgb(image, x, (int) bar.getMaxY() - 2), BOTTOM)).isLessThanOrEqualTo(3);
    assertThat(layout.barTicks().values()).hasSizeGreaterThan(2);
    for (double value : layout.barTicks().values()) {
      double y = bar.getMaxY() - value / 11 * bar.getHeight();
      if (value > 0 && value < 11) {
        assertThat(Pixels.distance(Pixels.rgb(image, x, (int) y), Colormap.VIRIDIS.rgb(value / 11)))
            .as("colour bar at %s", value).isLessThanOrEqualTo(3);
      }
      assertThat(Pixels.rgb(image, (int) bar.getMaxX() + 2, (int) y)).as("tick mark of %s", value)
          .isEqualTo(0x555555);
    }
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
    Heatmap heatmap = Heatmap.standard().withPlotSize(100, 80);
    BufferedImage image = heatmap.renderGrid("shared", matrices, 2, Axis.none(), Axis.none());
    // alone, each constant matrix would be mid-scale; together one is the bottom, one the top
    // (inside the frame)
    Heatmap.Layout layout = heatmap.layout("shared", matrices, 2, Axis.none(), Axis.none());
    Rectangle2D left = layout.panels().get(0);
    Rectangle2D right = layout.panels().get(1);
    assertThat(right.getX()).isGreaterThan(left.getMaxX());
    assertThat(Pixels.count(image, BOTTOM, 0, left, 1)).isEqualTo(Pixels.pixels(left, 1)).isEqualTo(98 * 78);
    assertThat(Pixels.count(image, TOP, 0, right, 1)).isEqualTo(Pixels.pixels(right, 1));
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
    Matrix lead2 = leads.get(1).withTitle("Lead II, record synthetic-7");
    BufferedImage single = heatmap.render(lead2, time, frequency);
    Heatmap small = heatmap.withPlotSize(300, 110);
    String title = "Scalograms, record synthetic-7";
    BufferedImage grid = small.renderGrid(title, leads, 3, time, frequency);
    Pixels.preview("heatmap", single);
    Pixels.preview("heatmap-grid", grid);

    // between two beats (column 41, 0.82 s), the 1.2 Hz band (row 9, low, so near the bottom) is
    // bright and 28 Hz (row 40, near the top) is dark: smooth there, so a pixel shows its cell
    Heatmap.Layout one = heatmap.layout(lead2.title(), List.of(lead2.withTitle("")), 1, time, frequency);
    Heatmap.Layout twelve = small.layout(title, leads, 3, time, frequency);
    assertThat(twelve.panels()).hasSize(12);
    for (int row : new int[] {9, 40}) {
      for (int panel = -1; panel < 12; panel++) {
        Matrix matrix = panel < 0 ? lead2 : leads.get(panel);
        Heatmap.Layout layout = panel < 0 ? one : twelve;
        Rectangle2D area = layout.panels().get(Math.max(0, panel));
        BufferedImage image = panel < 0 ? single : grid;
        Point2D centre = heatmap.cellCentre(area, rows, columns, row, 41);
        double[] range = layout.range();
        int expected = Colormap.VIRIDIS.rgb((matrix.value(row, 41) - range[0]) / (range[1] - range[0]));
        assertThat(Pixels.distance(Pixels.rgb(image, centre), expected)).as("panel %d, row %d", panel, row)
            .isLessThanOrEqualTo(4);
        assertThat(centre.getY() > area.getCenterY()).as("row %d in the lower half", row).isEqualTo(row < 24);
      }
    }
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
