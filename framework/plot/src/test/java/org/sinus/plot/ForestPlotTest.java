package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.plot.ForestPlot.Interval;
import org.sinus.plot.ForestPlot.Panel;
import org.sinus.plot.ForestPlot.Row;

class ForestPlotTest {
  private static final int FRAME = 0x555555;
  private static final List<Row> ROWS = List.of(new Row("run-a (baseline)", false), new Row("run-b", false),
      new Row("quickstart, mean of 2 seeds", true));

  /** Macro AUC on a fixed axis 0.5–1 with the baseline's 0.7 marked; differences on -0.2–0.4 with 0 marked. */
  private static BufferedImage twoPanels() {
    Panel auc = new Panel("Macro AUC", "macro AUC", 0.7, List.of(new Interval(0.7, 0.6, 0.8),
        new Interval(0.9, 0.85, 0.95), new Interval(0.8, 0.7, 0.9))).withXRange(0.5, 1.0);
    Panel difference = new Panel("Difference from run-a", "Δ macro AUC", 0, List.of(Interval.NONE,
        new Interval(0.2, 0.1, 0.3), new Interval(0.1, 0.0, 0.2))).withXRange(-0.2, 0.4);
    return ForestPlot.standard().render("test, 95% CI", ROWS, List.of(auc, difference));
  }

  @Test
  void eachBarSpansItsIntervalAndTheReferenceLinesStandAtTheirValues() {
    BufferedImage image = twoPanels();
    Pixels.preview("forest", image);
    Frames frames = Frames.find(image);
    assertThat(frames.edges()).as("left and right edges of the two panels").hasSize(4);
    int rowHeight = (frames.bottom() - frames.top()) / ROWS.size();
    assertThat(rowHeight).isBetween(25, 27);

    int[] auc = {frames.edges().get(0), frames.edges().get(1)};
    assertSpan(image, auc, frames.rowCentre(0, ROWS.size()), ForestPlot.ROW, 0.5, 1.0, 0.6, 0.8);
    assertSpan(image, auc, frames.rowCentre(1, ROWS.size()), ForestPlot.ROW, 0.5, 1.0, 0.85, 0.95);
    assertSpan(image, auc, frames.rowCentre(2, ROWS.size()), ForestPlot.SUMMARY, 0.5, 1.0, 0.7, 0.9);
    int[] difference = {frames.edges().get(2), frames.edges().get(3)};
    assertThat(columns(image, difference, frames.rowCentre(0, ROWS.size()), ForestPlot.ROW.getRGB() & 0xFFFFFF))
        .as("the baseline's row is empty in the panel of differences").isEmpty();
    assertSpan(image, difference, frames.rowCentre(1, ROWS.size()), ForestPlot.ROW, -0.2, 0.4, 0.1, 0.3);
    assertSpan(image, difference, frames.rowCentre(2, ROWS.size()), ForestPlot.SUMMARY, -0.2, 0.4, 0.0, 0.2);

    // between the rows nothing but the reference line is drawn in its colour: at 0.7, and at 0
    int reference = ForestPlot.REFERENCE.getRGB() & 0xFFFFFF;
    for (int boundary = 1; boundary < ROWS.size(); boundary++) {
      int y = frames.top() + boundary * rowHeight;
      assertThat(columns(image, auc, y, reference)).as("row boundary %d", boundary)
          .allSatisfy(x -> assertThat((double) x).isCloseTo(expected(auc, 0.5, 1.0, 0.7), within(1.0)))
          .isNotEmpty();
      assertThat(columns(image, difference, y, reference))
          .allSatisfy(x -> assertThat((double) x).isCloseTo(expected(difference, -0.2, 0.4, 0), within(1.0)))
          .isNotEmpty();
    }
  }

  @Test
  void anAutomaticAxisHoldsEveryIntervalAndTheReference() {
    // the reference (0.95) lies beyond every interval: the axis must still show it
    Panel panel = new Panel("", "macro AUC", 0.95, List.of(new Interval(0.7, 0.6, 0.8), new Interval(0.75, 0.7, 0.8),
        new Interval(0.72, 0.65, 0.8)));
    BufferedImage image = ForestPlot.standard().render("", ROWS, List.of(panel));
    Frames frames = Frames.find(image);
    int[] edges = {frames.edges().get(0), frames.edges().get(1)};
    int reference = ForestPlot.REFERENCE.getRGB() & 0xFFFFFF;
    List<Integer> line = columns(image, edges, frames.top() + (frames.bottom() - frames.top()) / ROWS.size(), reference);
    assertThat(line).isNotEmpty();
    List<Integer> bar = columns(image, edges, frames.rowCentre(0, ROWS.size()), ForestPlot.ROW.getRGB() & 0xFFFFFF);
    assertThat(bar.get(0)).as("the lowest bound is inside the frame").isGreaterThan(edges[0]);
    assertThat(line.get(0)).as("the reference right of the bars, inside the frame").isGreaterThan(bar.get(bar.size() - 1))
        .isLessThan(edges[1]);
  }

  @Test
  void refusesPanelsThatDoNotMatchTheRows() {
    Panel panel = new Panel("AUC", "", 0.5, List.of(new Interval(0.7, 0.6, 0.8)));
    assertThatThrownBy(() -> ForestPlot.standard().render("", ROWS, List.of(panel)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("panel 'AUC' has 1 intervals for 3 rows");
    assertThatThrownBy(() -> new Interval(0.7, 0.8, 0.6)).hasMessageContaining("[0.8, 0.6]");
  }

  /** Bar pixels of row y lie from the pixel of {@code lower} to that of {@code upper}, within 2 px. */
  private static void assertSpan(BufferedImage image, int[] edges, int y, Color color, double min, double max,
      double lower, double upper) {
    List<Integer> bar = columns(image, edges, y, color.getRGB() & 0xFFFFFF);
    assertThat(bar).as("bar of [%s, %s] in row %d", lower, upper, y).isNotEmpty();
    assertThat((double) bar.get(0)).as("left end of [%s, %s]", lower, upper)
        .isCloseTo(expected(edges, min, max, lower), within(2.0));
    assertThat((double) bar.get(bar.size() - 1)).as("right end of [%s, %s]", lower, upper)
        .isCloseTo(expected(edges, min, max, upper), within(2.0));
  }

  /** The pixel column of {@code value} on an axis from {@code min} at the left edge to {@code max} at the right. */
  private static double expected(int[] edges, double min, double max, double value) {
    return edges[0] + (value - min) / (max - min) * (edges[1] - edges[0]);
  }

  /** Columns strictly inside {@code edges} whose pixel in row y has colour {@code rgb}, ascending. */
  private static List<Integer> columns(BufferedImage image, int[] edges, int y, int rgb) {
    List<Integer> found = new ArrayList<>();
    for (int x = edges[0] + 1; x < edges[1]; x++) {
      if (Pixels.near(image, x, y, rgb, 40)) {
        found.add(x);
      }
    }
    return found;
  }

  /**
   * The plot frames: their top and bottom rows (the rows with more than 100 frame-grey pixels) and,
   * just below the top (where no text is), the frame-grey columns: left and right edge of each panel.
   */
  private record Frames(int top, int bottom, List<Integer> edges) {
    static Frames find(BufferedImage image) {
      int top = -1;
      int bottom = -1;
      for (int y = 0; y < image.getHeight(); y++) {
        if (Pixels.count(image, FRAME, 10, 0, y, image.getWidth(), y + 1) > 100) {
          top = top < 0 ? y : top;
          bottom = y;
        }
      }
      List<Integer> edges = new ArrayList<>();
      for (int x = 0; x < image.getWidth(); x++) {
        if (Pixels.near(image, x, top + 2, FRAME, 10)) {
          edges.add(x);
        }
      }
      return new Frames(top, bottom, edges);
    }

    int rowCentre(int row, int rows) {
      return (int) Math.round(top + (row + 0.5) * (bottom - top) / (double) rows);
    }
  }
}
