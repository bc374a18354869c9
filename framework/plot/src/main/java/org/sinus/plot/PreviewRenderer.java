package org.sinus.plot;

import java.awt.image.BufferedImage;
import org.sinus.api.preview.HeatmapPreview;
import org.sinus.api.preview.Preview;
import org.sinus.api.preview.SignalPreview;

/** Draws the pictures that representations describe ({@link Preview}). */
public final class PreviewRenderer {
  private PreviewRenderer() {}

  public static BufferedImage render(Preview preview) {
    if (preview instanceof SignalPreview signals) {
      return SignalPanels.standard().render(signals.title(), signals.values(), signals.samplingRate(),
          signals.startSeconds(), signals.leads());
    }
    HeatmapPreview heatmaps = (HeatmapPreview) preview;
    return Heatmap.standard().withRowZeroAtBottom(heatmaps.rowZeroAtBottom())
        .withPlotSize(heatmaps.panelWidth(), heatmaps.panelHeight()).withValueLabel(heatmaps.valueLabel())
        .renderGrid(heatmaps.title(), heatmaps.panels(), heatmaps.columns(), heatmaps.x(), heatmaps.y());
  }
}
