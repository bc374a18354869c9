package org.sinus.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.preview.Axis;
import org.sinus.api.preview.HeatmapPreview;
import org.sinus.api.preview.Matrix;
import org.sinus.api.preview.SignalPreview;

/**
 * {@link PreviewRenderer} draws what a representation's preview describes, checked on the pixels:
 * a heatmap preview's cells where its panel order, panel size and row direction put them; a signal
 * preview as signal panels, its samples at their value, its time axis from its start.
 */
class PreviewRendererTest {

  @Test
  void aHeatmapPreviewsHotCellIsInItsPanelWithRowZeroAtTheBottom() {
    // two 2 × 3 panels; the second one's row 0, column 2 is the only hot cell
    float[] hot = new float[6];
    hot[2] = 1;
    List<Matrix> panels = List.of(new Matrix("I", new float[6], 2, 3), new Matrix("II", hot, 2, 3));
    var preview = new HeatmapPreview("spectra", panels, 2, Axis.none(), Axis.none(), "|X|", true, 90, 60);
    BufferedImage image = PreviewRenderer.render(preview);

    Heatmap heatmap = Heatmap.standard().withRowZeroAtBottom(true).withPlotSize(90, 60).withValueLabel("|X|");
    Heatmap.Layout layout = heatmap.layout("spectra", panels, 2, Axis.none(), Axis.none());
    assertThat(image.getWidth()).isEqualTo(layout.width());
    assertThat(image.getHeight()).isEqualTo(layout.height());
    Rectangle2D second = layout.panels().get(1);
    Point2D cell = heatmap.cellCentre(second, 2, 3, 0, 2);
    assertThat(cell.getX()).isGreaterThan(second.getCenterX());
    assertThat(cell.getY()).as("row 0 in the lower half").isGreaterThan(second.getCenterY());
    assertThat(Pixels.rgb(image, cell)).isEqualTo(Colormap.VIRIDIS.high());
    // one cell of 30 × 30 px (less the frame) is hot, nothing else in either panel
    int hotPixels = Pixels.count(image, Colormap.VIRIDIS.high(), 0, second, 1);
    assertThat(hotPixels).isBetween(29 * 29, 30 * 30);
    assertThat(Pixels.count(image, Colormap.VIRIDIS.low(), 0, second, 1))
        .isEqualTo(Pixels.pixels(second, 1) - hotPixels);
    Rectangle2D first = layout.panels().get(0);
    assertThat(Pixels.count(image, Colormap.VIRIDIS.low(), 0, first, 1)).isEqualTo(Pixels.pixels(first, 1));
  }

  @Test
  void aSignalPreviewIsDrawnAsSignalPanelsFromItsStart() {
    float[] values = new float[200 * 2];
    for (int t = 0; t < 200; t++) {
      values[t * 2] = (float) Math.sin(2 * Math.PI * t / 100.0);
      values[t * 2 + 1] = t < 100 ? 0 : 1;
    }
    List<String> leads = List.of("I", "II");
    BufferedImage image = PreviewRenderer.render(new SignalPreview("window", values, 100, 4.0, leads));
    SignalPanels panels = SignalPanels.standard();
    assertThat(Pixels.differing(image, panels.render("window", values, 100, 4.0, leads))).isZero();
    // the time axis starts at 4 s: the picture from 0 s differs in its tick labels
    assertThat(Pixels.differing(image, panels.render("window", values, 100, 0, leads))).isGreaterThan(50);
    SignalPanels.Layout layout = panels.layout("window", values, 100, 4.0, leads);
    for (int c = 0; c < 2; c++) {
      List<Point2D> points = SignalPanelsTest.samplePoints(layout, values, 2, c, 100, 4.0, 1);
      assertThat(SignalPanelsTest.traceMisses(image, points)).as("lead %s", leads.get(c)).isEmpty();
    }
  }
}
