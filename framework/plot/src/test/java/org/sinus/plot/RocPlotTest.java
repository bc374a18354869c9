package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    // find the square plot area from the frame: the plot is drawn on a known 440 px square
    var curve = RocPlot.Curve.of("MI", new double[] {0, 0.2, 1}, new double[] {0, 0.8, 1});
    BufferedImage image = RocPlot.standard().render("test", List.of(curve));
    int[] frame = frame(image);
    int left = frame[0];
    int bottom = frame[1];
    int side = 440;
    assertThat(frame[2]).isEqualTo(side);

    int grey = 0;
    int samples = 0;
    for (double t = 0.3; t <= 0.7; t += 0.005) { // the lower right quarter's legend stays clear of this
      samples++;
      int x = (int) (left + t * side);
      int y = (int) (bottom - t * side);
      boolean found = false;
      for (int dy = -1; dy <= 1 && !found; dy++) {
        found = Pixels.near(image, x, y + dy, CHANCE_GREY, 40);
      }
      grey += found ? 1 : 0;
    }
    assertThat(grey).as("dashed diagonal: about half of its points are grey").isGreaterThan(samples / 3);

    // middle of the curve's second segment, from (0.2, 0.8) to (1, 1): (0.6, 0.9)
    int x = (int) (left + 0.6 * side);
    int y = (int) Math.round(bottom - 0.9 * side);
    boolean blue = false;
    for (int dy = -2; dy <= 2; dy++) {
      blue |= Pixels.near(image, x, y + dy, BLUE, 40);
    }
    assertThat(blue).isTrue();
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
    BufferedImage image = RocPlot.standard().render("PTB-XL superdiagnostic, fold 10", curves);
    Pixels.preview("roc", image);
    assertThat(image.getWidth()).isLessThan(image.getHeight() + 100); // legend inside, nearly square
  }

  /**
   * Left column, bottom row and width of the plot frame, found as the longest dark grey line: the
   * bottom edge, which the 4 px tick mark of y = 0 extends to the left.
   */
  static int[] frame(BufferedImage image) {
    int bestRow = -1;
    int bestRun = 0;
    int bestStart = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      int run = 0;
      for (int x = 0; x < image.getWidth(); x++) {
        if (Pixels.near(image, x, y, 0x555555, 10)) {
          run++;
          if (run >= bestRun) {
            bestRun = run;
            bestRow = y;
            bestStart = x - run + 1;
          }
        } else {
          run = 0;
        }
      }
    }
    int tick = (int) Axes.TICK_LENGTH;
    return new int[] {bestStart + tick, bestRow, bestRun - 1 - tick};
  }
}
