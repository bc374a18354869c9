package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Point;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link PrecisionRecallPlot} draws, checked on its pixels: each curve as the steps whose area is
 * its average precision (not straight lines between its points), no chance diagonal, and the legend in
 * a corner the curves leave free.
 */
class PrecisionRecallPlotTest {
  private static final int BLUE = RocPlotTest.BLUE;
  /** Recall 0.25 → 1 while precision falls from 1 to 0.5. */
  private static final PrecisionRecallPlot.Curve FALLING = PrecisionRecallPlot.Curve.of("MI",
      new double[] {0.25, 0.5, 0.75, 1}, new double[] {1, 0.8, 0.6, 0.5});

  @Test
  void theAveragePrecisionIsTheAreaUnderTheSteps() {
    assertThat(FALLING.averagePrecision()).isCloseTo(0.25 * (1 + 0.8 + 0.6 + 0.5), within(1e-12));
    // a threshold that only adds negatives: recall stays, precision drops, no area
    var tied = PrecisionRecallPlot.Curve.of("CD", new double[] {0.5, 0.5, 1}, new double[] {1, 0.5, 0.6});
    assertThat(tied.averagePrecision()).isCloseTo(0.5 + 0.5 * 0.6, within(1e-12));
  }

  @Test
  void drawsStepsAndNoChanceLine() {
    BufferedImage image = PrecisionRecallPlot.standard().render("test", List.of(FALLING));
    Pixels.preview("precision-recall", image);
    Axes axes = PrecisionRecallPlot.standard().axes("test");
    assertThat(axes.area().getWidth()).isEqualTo(440);
    // the steps (below precision 1, where the frame covers them): at recall 0.25 down to 0.8, across to 0.5, ...
    double[] stepX = {0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 0.99};
    double[] stepY = {0.97, 0.8, 0.8, 0.6, 0.6, 0.5, 0.5};
    List<Point2D> steps = Pixels.along(axes, stepX, stepY);
    assertThat(Pixels.linesMiss(image, steps.subList(3, steps.size() - 3), BLUE)).isEmpty();
    // not the straight line from point to point: halfway between recall 0.25 and 0.5 it is at 0.8, not 0.9
    Point2D straight = new Point2D.Double(axes.x(0.375), axes.y(0.9));
    assertThat(Pixels.misses(image, List.of(straight), BLUE, Pixels.LINE_TOLERANCE, 2)).hasSize(1);
    List<Point2D> diagonal = Pixels.along(axes, new double[] {0.1, 0.45}, new double[] {0.1, 0.45});
    assertThat(Pixels.misses(image, diagonal, UnitSquareChart.CHANCE.getRGB() & 0xFFFFFF, 20, 0))
        .as("no chance diagonal").hasSameSizeAs(diagonal);
  }

  @Test
  void theLegendTakesACornerTheCurvesLeaveFree() {
    // high precision at every recall: the curve runs along the top, so the legend goes below
    var good = PrecisionRecallPlot.Curve.of("NORM", new double[] {0.3, 0.6, 0.9, 1}, new double[] {1, 0.97, 0.93, 0.9});
    BufferedImage image = PrecisionRecallPlot.standard().render("", List.of(good));
    Axes axes = PrecisionRecallPlot.standard().axes("");
    Point legend = Pixels.firstRun(image, LineChartTest.LEGEND_BORDER, 40);
    assertThat(legend.getY()).as("legend's top edge").isGreaterThan(axes.y(0.5));
    assertThat(axes.area().contains(legend)).isTrue();
  }

  @Test
  void rejectsPointsOutsideTheSquareAndRecallThatFalls() {
    assertThatThrownBy(() -> PrecisionRecallPlot.Curve.of("NORM", new double[] {0.5, 1}, new double[] {1.2, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'NORM'").hasMessageContaining("point 0");
    assertThatThrownBy(() -> PrecisionRecallPlot.Curve.of("NORM", new double[] {0.5, 0.25}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recall falls from 0.5 to 0.25");
  }
}
