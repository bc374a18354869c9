package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Point;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link LineChart} draws, checked on its pixels: each series along the pixels its points map
 * to, in its own panel and colour, the legend in the same colours, NaN points bridged, lines cut at
 * a fixed y range, dashes where asked for.
 */
class LineChartTest {
  static final int BLUE = 0x1F77B4; // palette colour 0
  static final int ORANGE = 0xFF7F0E; // palette colour 1
  static final int GREEN = 0x2CA02C; // palette colour 2
  /** The legend box's border (a 1 px line, so {@link Pixels#firstRun} finds its top edge). */
  static final int LEGEND_BORDER = 0xBBBBBB;

  /** Where {@code series} must be drawn in panel {@code index} of {@code panels} under {@code title}. */
  static List<Point2D> along(String title, List<LineChart.Panel> panels, int index, LineChart.Series series) {
    return Pixels.along(LineChart.standard().axes(title, panels, index), series.x(), series.y());
  }

  @Test
  void panelsSitSideBySideEachWithItsOwnSeries() {
    var falling = LineChart.Series.ofEpochs("train", new double[] {1, 0.5, 0.3});
    var peaking = LineChart.Series.ofEpochs("validation", new double[] {0.2, 0.9, 0.4});
    var panels = List.of(new LineChart.Panel("loss", "epoch", "loss", List.of(falling)),
        new LineChart.Panel("other", "epoch", "loss", List.of(peaking)));
    BufferedImage one = LineChart.standard().render(panels.get(0));
    BufferedImage two = LineChart.standard().render("run", panels);
    assertThat(one.getWidth()).isEqualTo(560);
    assertThat(one.getHeight()).isEqualTo(400);
    assertThat(two.getWidth()).isEqualTo(1120);
    assertThat(two.getHeight()).isGreaterThan(400); // room for the overall title

    Axes right = LineChart.standard().axes("run", panels, 1);
    assertThat(right.area().getX()).isGreaterThan(560);
    assertThat(Pixels.linesMiss(two, along("run", panels, 0, falling), BLUE)).isEmpty();
    assertThat(Pixels.linesMiss(two, along("run", panels, 1, peaking), BLUE)).isEmpty();
    assertThat(Pixels.linesMiss(one, along("", panels.subList(0, 1), 0, falling), BLUE)).isEmpty();
  }

  @Test
  void eachSeriesIsDrawnInItsColourAndTheLegendShowsTheSameColours() {
    // low at the right, so that the legend has the upper right corner to itself
    var a = LineChart.Series.ofEpochs("a", new double[] {0, 1, 0.3, 0});
    var b = LineChart.Series.ofEpochs("b", new double[] {0.5, 0.2, 0.1, 0.4});
    var panels = List.of(new LineChart.Panel("", "epoch", "value", List.of(a, b)));
    BufferedImage image = LineChart.standard().render(panels.get(0));
    assertThat(Pixels.linesMiss(image, along("", panels, 0, a), BLUE)).isEmpty();
    assertThat(Pixels.linesMiss(image, along("", panels, 0, b), ORANGE)).isEmpty();
    assertThat(Pixels.count(image, GREEN, 30)).isZero();

    Point box = Pixels.firstRun(image, LEGEND_BORDER, 40);
    assertThat(box).isNotNull();
    Legend legend = new Legend(List.of(new Legend.Entry("a", null, null), new Legend.Entry("b", null, null)));
    assertThat(Pixels.rgb(image, legend.sampleCentre(0, box.x, box.y))).isEqualTo(BLUE);
    assertThat(Pixels.rgb(image, legend.sampleCentre(1, box.x, box.y))).isEqualTo(ORANGE);
  }

  @Test
  void nanValuesAreSkippedAndTheLineJoinsTheirNeighbours() {
    double nan = Double.NaN;
    // measured at epochs 2, 3 and 5: the line runs from (2, 0) over (3, 1) to (5, 0)
    var withGaps = LineChart.Series.ofEpochs("validation AUC", new double[] {nan, 0, 1, nan, 0, nan, nan});
    var allNan = LineChart.Series.ofEpochs("never measured", new double[] {nan, nan});
    var panels = List.of(new LineChart.Panel("AUC", "", "", List.of(withGaps, allNan)));
    BufferedImage image = LineChart.standard().render(panels.get(0));
    Axes axes = LineChart.standard().axes("", panels, 0);
    // the x axis spans the measured epochs 2..5
    assertThat(axes.x(2)).isEqualTo(axes.area().getX());
    assertThat(axes.x(5)).isEqualTo(axes.area().getMaxX());
    // across the gap at epoch 4 too
    List<Point2D> line = Pixels.along(axes, new double[] {2, 3, 5}, new double[] {0, 1, 0});
    assertThat(Pixels.linesMiss(image, line, BLUE)).isEmpty();

    var empty = new LineChart.Panel("nothing yet", "epoch", "loss", List.of(allNan));
    BufferedImage blank = LineChart.standard().render(empty);
    assertThat(Pixels.count(blank, ORANGE, 30) + Pixels.count(blank, BLUE, 60)).isLessThan(60);
  }

  @Test
  void aFixedYRangeCutsLinesAtTheFrame() {
    var series = LineChart.Series.ofEpochs("", new double[] {0.5, 5, 0.5});
    var panels = List.of(new LineChart.Panel("", "", "", List.of(series)).withYRange(0, 1));
    BufferedImage image = LineChart.standard().render(panels.get(0));
    Axes axes = LineChart.standard().axes("", panels, 0);
    int frameTop = (int) axes.area().getY();
    // up to the frame the line is where its points say; above it, nothing is blue
    List<Point2D> line = along("", panels, 0, series);
    line.removeIf(p -> p.getY() < frameTop + 2);
    assertThat(line).hasSizeGreaterThan(100);
    assertThat(Pixels.linesMiss(image, line, BLUE)).isEmpty();
    assertThat(Pixels.count(image, BLUE, 60, 0, 0, image.getWidth(), frameTop)).isZero();
  }

  @Test
  void styleCanBeChosen() {
    var train = LineChart.Series.ofEpochs("train", new double[] {1, 0.6, 0.4}).withColor(2);
    var valid = LineChart.Series.ofEpochs("validation", new double[] {1.1, 0.8, 0.7}).withColor(2).withDashes();
    var panels = List.of(new LineChart.Panel("", "", "", List.of(train, valid)));
    BufferedImage image = LineChart.standard().render(panels.get(0));
    assertThat(Pixels.count(image, BLUE, 30)).isZero();
    // both green, the solid one without a break, the dashed one with a gap every 10 px (away from
    // the ends, which the frame is drawn over)
    List<Point2D> solid = along("", panels, 0, train);
    List<Point2D> dashed = along("", panels, 0, valid);
    solid = solid.subList(3, solid.size() - 3);
    dashed = dashed.subList(3, dashed.size() - 3);
    assertThat(Pixels.misses(image, solid, GREEN, Pixels.LINE_TOLERANCE, 0)).isEmpty();
    int gaps = Pixels.misses(image, dashed, GREEN, Pixels.LINE_TOLERANCE, 0).size();
    assertThat(gaps).isBetween(dashed.size() / 20, dashed.size() / 2);
    assertThat(valid.dashed()).isTrue();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> LineChart.Series.of("loss", new double[3], new double[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'loss'")
        .hasMessageContaining("3 x values but 2 y values");
    assertThatThrownBy(() -> new LineChart.Panel("p", "", "", List.of()).withYRange(1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'p'");
    assertThatThrownBy(() -> LineChart.standard().render(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no panels");
  }

  @Test
  void previewOfTrainingCurves() {
    int epochs = 30;
    double[] train = new double[epochs];
    double[] valid = new double[epochs];
    double[] auc = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      train[e] = 0.25 + 0.45 * Math.exp(-e / 6.0) + 0.01 * Math.sin(e);
      valid[e] = 0.30 + 0.38 * Math.exp(-e / 7.0) + 0.0015 * Math.max(0, e - 15);
      auc[e] = e % 5 == 4 ? 0.93 - 0.35 * Math.exp(-e / 5.0) : Double.NaN; // measured every 5th epoch
    }
    var loss = new LineChart.Panel("Loss", "epoch", "binary cross-entropy", List.of(
        LineChart.Series.ofEpochs("train", train), LineChart.Series.ofEpochs("validation", valid).withDashes()));
    var aucPanel = new LineChart.Panel("Validation AUC", "epoch", "macro AUC", List.of(
        LineChart.Series.ofEpochs("macro AUC", auc).withColor(2))).withYRange(0.5, 1);
    String title = "xresnet1d101, fold 9 validation";
    BufferedImage image = LineChart.standard().render(title, List.of(loss, aucPanel));
    Pixels.preview("training-curves", image);
    // the AUC of every fifth epoch, joined across the epochs between
    double[] every5th = {5, 10, 15, 20, 25, 30};
    double[] measured = {auc[4], auc[9], auc[14], auc[19], auc[24], auc[29]};
    List<Point2D> line = Pixels.along(LineChart.standard().axes(title, List.of(loss, aucPanel), 1), every5th,
        measured);
    assertThat(Pixels.linesMiss(image, line, GREEN)).isEmpty();
  }
}
