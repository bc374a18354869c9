package org.sinus.api.preview;

import java.util.List;

/**
 * Matrices drawn as coloured cells sharing one colour scale, in a grid, e.g. one spectrogram or
 * scalogram per lead.
 *
 * @param title the picture's title
 * @param panels the matrices, all of the same size, each titled (e.g. with its lead)
 * @param columns panels per row of the grid
 * @param x the horizontal axis (columns of each matrix)
 * @param y the vertical axis (rows of each matrix)
 * @param valueLabel what the colours mean, e.g. {@code log(|X| + ε), standardized}
 * @param rowZeroAtBottom whether row 0 is drawn at the bottom (e.g. the lowest frequency)
 * @param panelWidth width in pixels of each panel's cell area
 * @param panelHeight height in pixels of each panel's cell area
 */
public record HeatmapPreview(String title, List<Matrix> panels, int columns, Axis x, Axis y, String valueLabel,
                             boolean rowZeroAtBottom, int panelWidth, int panelHeight) implements Preview {
  public HeatmapPreview {
    panels = List.copyOf(panels);
    if (panels.isEmpty() || columns < 1) {
      throw new IllegalArgumentException("a heatmap preview needs at least one panel and one column");
    }
  }
}
