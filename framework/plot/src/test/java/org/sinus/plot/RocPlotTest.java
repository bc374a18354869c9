package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Point;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link RocPlot} draws, checked on its pixels: each curve along the pixels its rates map to
 * (a perfect classifier up the left edge and along the top), the chance diagonal from the lower left
 * to the upper right corner, the legend inside the plot or, for many curves, beside it.
 */
class RocPlotTest {
  static final int BLUE = 0x1F77B4;
  static final int CHANCE_GREY = 0x9A9A9A;

  @Test
  void computesTheTrapezoidalArea() {
    var curve = RocPlot.Curve.of("MI", new double[] {0, 0.2, 1}, new double[] {0, 0.8, 1});
    // 0.2 × 0.8 / 2 + 0.8 × (0.8 + 1) / 2
    assertThat(curve.auc()).isCloseTo(0.8, within(1e-12));
    var reversed = RocPlot.Curve.of("MI", new double[] {1, 0.2, 0}, new double[] {1, 0.8, 0});
    assertThat(reversed.auc()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void drawsTheChanceDiagonalAndTheCurve() {
    var curve = RocPlot.Curve.of("MI", new double[] {0, 0.2, 1}, new double[] {0, 0.8, 1});
    BufferedImage image = RocPlot.standard().render("test", List.of(curve));
    Axes axes = RocPlot.standard().axes("test");
    assertThat(axes.area().getWidth()).isEqualTo(440);
    assertThat(axes.area().getHeight()).isEqualTo(440);

    // the dashed diagonal: about half of its points are grey (the lower right quarter's legend
    // stays clear of this stretch)
    List<Point2D> diagonal = Pixels.along(axes, new double[] {0.3, 0.7}, new double[] {0.3, 0.7});
    int missed = Pixels.misses(image, diagonal, CHANCE_GREY, 40, 1).size();
    assertThat(missed).as("dashed diagonal: points not grey").isBetween(diagonal.size() / 4, diagonal.size() * 3 / 4);

    // from 3 px off the lower left corner, where the frame and tick marks are drawn over the curve
    List<Point2D> line = Pixels.along(axes, curve.fpr(), curve.tpr());
    assertThat(Pixels.linesMiss(image, line.subList(3, line.size()), BLUE)).isEmpty();
  }

  @Test
  void aPerfectClassifierRunsUpTheLeftEdgeAndThenAlongTheTop() {
    var perfect = RocPlot.Curve.of("NORM", new double[] {0, 0, 1}, new double[] {0, 1, 1});
    assertThat(perfect.auc()).isEqualTo(1.0);
    BufferedImage image = RocPlot.standard().render("", List.of(perfect));
    Axes axes = RocPlot.standard().axes("");
    // the frame is drawn over the curve's middle; the other half of its 2 px stays blue
    assertThat(Pixels.linesMiss(image, Pixels.along(axes, perfect.fpr(), perfect.tpr()), BLUE)).isEmpty();
    // and nothing blue inside the plot left of the diagonal (the legend sits at the lower right)
    int x0 = (int) axes.x(0.05);
    int x1 = (int) axes.x(0.45);
    assertThat(Pixels.count(image, BLUE, Pixels.LINE_TOLERANCE, x0, (int) axes.y(0.95), x1, (int) axes.y(0.5)))
        .isZero();
  }

  @Test
  void manyCurvesMoveTheLegendOutside() {
    List<RocPlot.Curve> curves = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      double p = 0.1 + i * 0.03;
      curves.add(RocPlot.Curve.of("class " + i, new double[] {0, p, 1}, new double[] {0, 1 - p / 2, 1}));
    }
    BufferedImage few = RocPlot.standard().render("", curves.subList(0, 3));
    BufferedImage many = RocPlot.standard().render("", curves);
    assertThat(many.getWidth()).isGreaterThan(few.getWidth() + 100);
    assertThat(many.getHeight()).isEqualTo(few.getHeight());
    Rectangle2D area = RocPlot.standard().axes("").area();
    Point inside = Pixels.firstRun(few, LineChartTest.LEGEND_BORDER, 40);
    assertThat(area.contains(inside)).as("legend of 3 curves at %s, plot %s", inside, area).isTrue();
    Point outside = Pixels.firstRun(many, LineChartTest.LEGEND_BORDER, 40);
    assertThat(outside.getX()).as("legend of 25 curves").isGreaterThan(area.getMaxX());
  }

  @Test
  void rejectsRatesOutsideZeroToOne() {
    assertThatThrownBy(() -> RocPlot.Curve.of("NORM", new double[] {0, 1.5}, new double[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'NORM'")
        .hasMessageContaining("fpr[1] = 1.5");
    assertThatThrownBy(() -> RocPlot.Curve.of("NORM", new double[] {0, 0.5, 0.2}, new double[] {0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monotonic");
  }

  @Test
  void previewOfFiveClasses() {
    String[] names = {"NORM", "MI", "STTC", "CD", "HYP"};
    double[] strength = {3.2, 2.2, 2.5, 2.4, 1.4};
    List<RocPlot.Curve> curves = new ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      // binormal ROC curves: tpr = Φ(d + Φ⁻¹(fpr)), approximated by a power law for the preview
      int n = 101;
      double[] fpr = new double[n];
      double[] tpr = new double[n];
      for (int i = 0; i < n; i++) {
        fpr[i] = i / (n - 1.0);
        tpr[i] = Math.pow(fpr[i], 1 / (1 + strength[c] * strength[c]));
      }
      curves.add(RocPlot.Curve.of(names[c], fpr, tpr));
    }
    String title = "PTB-XL superdiagnostic, fold 10";
    BufferedImage image = RocPlot.standard().render(title, curves);
    Pixels.preview("roc", image);
    Axes axes = RocPlot.standard().axes(title);
    // each curve where it runs apart from the others, above the legend
    for (int c = 0; c < names.length; c++) {
      RocPlot.Curve curve = curves.get(c);
      List<Point2D> points = new ArrayList<>();
      for (int i = 10; i <= 50; i += 10) { // fpr 0.1 .. 0.5
        points.add(new Point2D.Double(axes.x(curve.fpr()[i]), axes.y(curve.tpr()[i])));
      }
      assertThat(Pixels.linesMiss(image, points, Style.series(c).getRGB() & 0xFFFFFF)).as(names[c]).isEmpty();
    }
    assertThat(axes.area().contains(Pixels.firstRun(image, LineChartTest.LEGEND_BORDER, 40))).isTrue();
  }
}
