package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {
  static final int BLUE = 0x1F77B4; // palette colour 0
  static final int ORANGE = 0xFF7F0E; // palette colour 1
  static final int GREEN = 0x2CA02C; // palette colour 2

  @Test
  void panelsSitSideBySide() {
    var panel = new LineChart.Panel("loss", "epoch", "loss",
        List.of(LineChart.Series.ofEpochs("train", new double[] {1, 0.5, 0.3})));
    BufferedImage one = LineChart.standard().render(panel);
    BufferedImage two = LineChart.standard().render("run", List.of(panel, panel));
    assertThat(one.getWidth()).isEqualTo(560);
    assertThat(one.getHeight()).isEqualTo(400);
    assertThat(two.getWidth()).isEqualTo(1120);
    assertThat(two.getHeight()).isGreaterThan(400); // room for the overall title
  }

  @Test
  void eachSeriesIsDrawnInItsColour() {
    var panel = new LineChart.Panel("", "epoch", "value", List.of(
        LineChart.Series.ofEpochs("a", new double[] {0, 1, 2, 3}),
        LineChart.Series.ofEpochs("b", new double[] {3, 2, 1, 0})));
    BufferedImage image = LineChart.standard().render(panel);
    // legend samples are 22 × 2 px, so a few hundred pixels can only come from the lines
    assertThat(Pixels.count(image, BLUE, 30)).isGreaterThan(300);
    assertThat(Pixels.count(image, ORANGE, 30)).isGreaterThan(300);
    assertThat(Pixels.count(image, GREEN, 30)).isZero();
  }

  @Test
  void nanValuesAreSkippedAndTheLineJoinsTheirNeighbours() {
    double nan = Double.NaN;
    // measured at epochs 2, 3 and 5: the line runs from (2, 0) over (3, 1) to (5, 0)
    var withGaps = LineChart.Series.ofEpochs("validation AUC", new double[] {nan, 0, 1, nan, 0, nan, nan});
    var allNan = LineChart.Series.ofEpochs("never measured", new double[] {nan, nan});
    var panel = new LineChart.Panel("AUC", "", "", List.of(withGaps, allNan));
    BufferedImage image = LineChart.standard().render(panel);
    assertThat(image.getWidth()).isEqualTo(560);
    // the x axis spans the measured epochs 2..5; (4, 0.5) is on the line across the gap at epoch 4
    int frameTop = Pixels.firstRowWithRun(image, 0x555555, 300);
    int frameLeft = firstColumnWithRun(image, 0x555555, 200);
    int frameRight = lastColumnWithRun(image, 0x555555, 200);
    int frameBottom = lastRowWithRun(image, 0x555555, 300);
    int x = frameLeft + (frameRight - frameLeft) * 2 / 3;
    int y = (frameTop + frameBottom) / 2;
    boolean blue = false;
    for (int dy = -3; dy <= 3; dy++) {
      blue |= Pixels.near(image, x, y + dy, BLUE, 40);
    }
    assertThat(blue).isTrue();

    var empty = new LineChart.Panel("nothing yet", "epoch", "loss", List.of(allNan));
    BufferedImage blank = LineChart.standard().render(empty);
    assertThat(Pixels.count(blank, ORANGE, 30) + Pixels.count(blank, BLUE, 60)).isLessThan(60);
  }

  @Test
  void aFixedYRangeCutsLinesAtTheFrame() {
    var series = LineChart.Series.ofEpochs("", new double[] {0.5, 5, 0.5});
    BufferedImage image = LineChart.standard()
        .render(new LineChart.Panel("", "", "", List.of(series)).withYRange(0, 1));
    // nothing blue above the frame's top edge: the spike to 5 is cut there
    int frameTop = Pixels.firstRowWithRun(image, 0x555555, 300);
    assertThat(frameTop).isPositive();
    assertThat(Pixels.count(image, BLUE, 60, 0, 0, image.getWidth(), frameTop)).isZero();
    assertThat(Pixels.count(image, BLUE, 60, 0, frameTop + 1, image.getWidth(), frameTop + 20)).isPositive();
    assertThat(Pixels.count(image, BLUE, 60)).isGreaterThan(100);
  }

  @Test
  void styleCanBeChosen() {
    var train = LineChart.Series.ofEpochs("train", new double[] {1, 0.6, 0.4}).withColor(2);
    var valid = LineChart.Series.ofEpochs("validation", new double[] {1.1, 0.8, 0.7}).withColor(2).withDashes();
    BufferedImage image = LineChart.standard().render(new LineChart.Panel("", "", "", List.of(train, valid)));
    assertThat(Pixels.count(image, GREEN, 30)).isGreaterThan(300);
    assertThat(Pixels.count(image, BLUE, 30)).isZero();
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
    BufferedImage image = LineChart.standard().render("xresnet1d101, fold 9 validation", List.of(loss, aucPanel));
    Pixels.preview("training-curves", image);
    assertThat(Pixels.count(image, GREEN, 30)).isGreaterThan(100);
  }

  private static int firstColumnWithRun(BufferedImage image, int rgb, int length) {
    return columnWithRun(image, rgb, length, true);
  }

  private static int lastColumnWithRun(BufferedImage image, int rgb, int length) {
    return columnWithRun(image, rgb, length, false);
  }

  private static int columnWithRun(BufferedImage image, int rgb, int length, boolean first) {
    int found = -1;
    for (int x = 0; x < image.getWidth(); x++) {
      int run = 0;
      for (int y = 0; y < image.getHeight() && run < length; y++) {
        run = Pixels.near(image, x, y, rgb, 10) ? run + 1 : 0;
      }
      if (run >= length) {
        found = x;
        if (first) {
          return x;
        }
      }
    }
    return found;
  }

  private static int lastRowWithRun(BufferedImage image, int rgb, int length) {
    int found = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      int run = 0;
      for (int x = 0; x < image.getWidth() && run < length; x++) {
        run = Pixels.near(image, x, y, rgb, 10) ? run + 1 : 0;
      }
      if (run >= length) {
        found = y;
      }
    }
    return found;
  }
}
