package org.sinus.plot;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sinus.api.preview.Axis;
import org.sinus.api.preview.Matrix;
import org.sinus.api.preview.Tick;
import org.sinus.api.preview.Ticks;

/**
 * Matrices as coloured cells with a colour bar: a single heatmap ({@link #render}) or several
 * sharing one colour scale in a grid ({@link #renderGrid}), e.g. the scalograms of the twelve leads.
 *
 * <p>Cells are stretched to fill a plot area of fixed size; where several cells fall into one pixel
 * the pixel shows their mean value (missing NaN cells are ignored; a pixel of only NaN cells is
 * grey). Axis ticks are given in cell units by the caller, with helpers for linear and logarithmic
 * axes:
 *
 * <pre>{@code
 * var time = Axis.linear("time (s)", columns, 0, (columns - 1) / 100.0);
 * var frequency = Axis.logarithmic("frequency (Hz)", rows, 0.5, 50);
 * BufferedImage image = Heatmap.standard().withRowZeroAtBottom(true).withValueLabel("|W|")
 *     .render(new Matrix("lead II", values, rows, columns), time, frequency);
 * }</pre>
 *
 * @param colormap how values become colours
 * @param min value at the bottom of the colour scale, or NaN to use the data's minimum
 * @param max value at the top of the colour scale, or NaN to use the data's maximum
 * @param rowZeroAtBottom whether row 0 is drawn at the bottom (e.g. lowest frequency) instead of at
 *     the top (as in an image)
 * @param plotWidth width in pixels of the cell area (of each panel in a grid)
 * @param plotHeight height in pixels of the cell area (of each panel in a grid)
 * @param valueLabel the colour bar's title; may be empty
 */
public record Heatmap(Colormap colormap, double min, double max, boolean rowZeroAtBottom,
    int plotWidth, int plotHeight, String valueLabel) {
  static {
    Style.ensureLoaded();
  }

  private static final int BAR_WIDTH = 16;
  private static final int BAR_GAP = 14;

  public Heatmap {
    valueLabel = valueLabel == null ? "" : valueLabel;
    if (colormap == null) {
      throw new IllegalArgumentException("heatmap colormap must not be null");
    }
    if (Double.isNaN(min) != Double.isNaN(max) || (!Double.isNaN(min) && !(max > min))) {
      throw new IllegalArgumentException("heatmap value range must be two numbers with min < max, or"
          + " both NaN; got [" + min + ", " + max + "]");
    }
    if (plotWidth < 16 || plotHeight < 16 || plotWidth > 10_000 || plotHeight > 10_000) {
      throw new IllegalArgumentException("heatmap plot size must be 16..10000 px each way, got "
          + plotWidth + " × " + plotHeight);
    }
  }

  /** Viridis, the data's range, row 0 on top, a 640 × 300 px plot area. */
  public static Heatmap standard() {
    return new Heatmap(Colormap.VIRIDIS, Double.NaN, Double.NaN, false, 640, 300, "");
  }

  public Heatmap withColormap(Colormap map) {
    return new Heatmap(map, min, max, rowZeroAtBottom, plotWidth, plotHeight, valueLabel);
  }

  /** A fixed colour scale; values outside it get the end colours. */
  public Heatmap withRange(double low, double high) {
    return new Heatmap(colormap, low, high, rowZeroAtBottom, plotWidth, plotHeight, valueLabel);
  }

  public Heatmap withRowZeroAtBottom(boolean bottom) {
    return new Heatmap(colormap, min, max, bottom, plotWidth, plotHeight, valueLabel);
  }

  /** The size of the cell area; in a grid, of each panel's (e.g. 320 × 120 for twelve leads). */
  public Heatmap withPlotSize(int width, int height) {
    return new Heatmap(colormap, min, max, rowZeroAtBottom, width, height, valueLabel);
  }

  public Heatmap withValueLabel(String label) {
    return new Heatmap(colormap, min, max, rowZeroAtBottom, plotWidth, plotHeight, label);
  }



  /** One matrix with its colour bar; the title is the matrix's. */
  public BufferedImage render(Matrix matrix, Axis x, Axis y) {
    return renderGrid(matrix.title(), List.of(matrix.withTitle("")), 1, x, y);
  }

  /**
   * Several matrices of the same shape in a grid of {@code columns} columns (filled row by row),
   * under {@code title}, with one colour scale for all (the range over all matrices unless fixed)
   * and axis ticks on the outer panels only.
   *
   * @throws IllegalArgumentException if there are no matrices or their shapes differ
   */
  public BufferedImage renderGrid(String title, List<Matrix> matrices, int columns, Axis x, Axis y) {
    Layout layout = layout(title, matrices, columns, x, y);
    title = title == null ? "" : title;
    x = x == null ? Axis.none() : x;
    y = y == null ? Axis.none() : y;
    BufferedImage image = Style.canvas(layout.width(), layout.height());
    Graphics2D g = Style.graphics(image);
    try {
      Style.title(g, title, layout.left() + layout.gridWidth() / 2, 10, 0, layout.width());
      double areaTop = layout.bar().getY();
      double areaBottom = layout.bar().getMaxY();
      for (int i = 0; i < matrices.size(); i++) {
        drawPanel(g, matrices.get(i), layout.panels().get(i), layout.range(), x, y,
            i % layout.columns() == 0, layout.bottomRow()[i]);
      }
      if (!y.label().isEmpty()) {
        g.setColor(Style.TEXT);
        Style.verticalText(g, y.label(), Style.LABEL, Axes.PAD + Style.height(Style.LABEL) / 2,
            (areaTop + areaBottom) / 2);
      }
      if (!x.label().isEmpty()) {
        g.setColor(Style.TEXT);
        Style.text(g, x.label(), Style.LABEL, layout.left() + layout.gridWidth() / 2,
            areaBottom + layout.xTickHeight() + 4, Style.H.CENTER, Style.V.TOP);
      }
      drawColorbar(g, layout.bar(), layout.range(), layout.barTicks());
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Where {@link #renderGrid} puts things.
   *
   * @param width image width
   * @param height image height
   * @param panels the cell area of each matrix, in the order given
   * @param bar the colour bar (its top is the highest value of the colour scale)
   * @param range [low, high] of the colour scale
   * @param barTicks the colour bar's ticks
   * @param columns panels per grid row
   * @param bottomRow for each panel, whether it is the lowest in its grid column (x tick labels)
   * @param left left edge of the first panel column
   * @param gridWidth width of all panel columns with the gaps between them
   * @param xTickHeight room below the panels for x ticks and their labels
   */
  record Layout(int width, int height, List<Rectangle2D> panels, Rectangle2D bar, double[] range,
      Ticks barTicks, int columns, boolean[] bottomRow, double left, double gridWidth,
      double xTickHeight) {}

  /**
   * Where {@link #renderGrid} with the same arguments puts the panels and the colour bar; for tests,
   * with {@link #cellCentre}, to find a cell's pixels.
   *
   * @throws IllegalArgumentException as renderGrid does
   */
  Layout layout(String title, List<Matrix> matrices, int columns, Axis x, Axis y) {
    if (matrices.isEmpty()) {
      throw new IllegalArgumentException("heatmap grid '" + title + "' has no matrices");
    }
    if (columns < 1) {
      throw new IllegalArgumentException("heatmap grid '" + title + "' needs at least one column, got "
          + columns);
    }
    Matrix first = matrices.get(0);
    for (Matrix m : matrices) {
      if (m.rows() != first.rows() || m.columns() != first.columns()) {
        throw new IllegalArgumentException("heatmap grid '" + title + "': matrix '" + m.title() + "' is "
            + m.rows() + " × " + m.columns() + " but '" + first.title() + "' is " + first.rows() + " × "
            + first.columns() + "; a grid shares its axes, so all must have the same shape");
      }
    }
    title = title == null ? "" : title;
    x = x == null ? Axis.none() : x;
    y = y == null ? Axis.none() : y;
    double[] range = range(matrices);
    Ticks barTicks = Ticks.inside(range[0], range[1], Math.max(2, Math.min(8,
        (plotHeight * ((matrices.size() + columns - 1) / columns)) / 45)));

    int gridRows = (matrices.size() + columns - 1) / columns;
    columns = Math.min(columns, matrices.size());
    boolean panelTitles = matrices.stream().anyMatch(m -> !m.title().isEmpty());
    List<String> yLabels = labels(y);
    double titleHeight = title.isEmpty() ? 8 : Style.height(Style.TITLE) + 16;
    double panelTitleHeight = panelTitles ? Style.height(Style.SMALL_TITLE) + 4 : 0;
    double left = Axes.PAD + (y.label().isEmpty() ? 0 : Style.height(Style.LABEL) + Axes.PAD)
        + Axes.widest(yLabels) + Axes.TICK_LENGTH + 3;
    double hGap = 14;
    double vGap = 10;
    double xTickHeight = x.ticks().isEmpty() ? 0 : Axes.TICK_LENGTH + 3 + Style.height(Style.TICK);
    double bottom = xTickHeight + (x.label().isEmpty() ? 0 : Style.height(Style.LABEL) + 6) + Axes.PAD + 2;
    double barLeftPad = BAR_GAP;
    double barRight = BAR_WIDTH + Axes.TICK_LENGTH + 3 + Axes.widest(barTicks.labels())
        + (valueLabel.isEmpty() ? 0 : Axes.PAD + Style.height(Style.LABEL)) + Axes.PAD + 4;
    double gridWidth = columns * plotWidth + (columns - 1) * hGap;
    double gridHeight = gridRows * (panelTitleHeight + plotHeight) + (gridRows - 1) * vGap;
    int width = (int) Math.ceil(left + gridWidth + barLeftPad + barRight);
    int height = (int) Math.ceil(titleHeight + gridHeight + bottom);

    List<Rectangle2D> panels = new ArrayList<>();
    boolean[] bottomRow = new boolean[matrices.size()];
    double areaTop = 0;
    double areaBottom = 0;
    for (int i = 0; i < matrices.size(); i++) {
      int gridRow = i / columns;
      int gridColumn = i % columns;
      double ax = Math.round(left + gridColumn * (plotWidth + hGap));
      double ay = Math.round(titleHeight + gridRow * (panelTitleHeight + plotHeight + vGap)
          + panelTitleHeight);
      panels.add(new Rectangle2D.Double(ax, ay, plotWidth, plotHeight));
      bottomRow[i] = gridRow == gridRows - 1 || i + columns >= matrices.size();
      areaTop = i == 0 ? ay : areaTop;
      areaBottom = Math.max(areaBottom, ay + plotHeight);
    }
    Rectangle2D bar = new Rectangle2D.Double(Math.round(left + gridWidth + barLeftPad), areaTop,
        BAR_WIDTH, areaBottom - areaTop);
    return new Layout(width, height, panels, bar, range, barTicks, columns, bottomRow, left, gridWidth,
        xTickHeight);
  }

  /**
   * The pixel centre of cell ({@code row}, {@code column}) of a {@code rows × columns} matrix drawn
   * in {@code area}, where the axis ticks of that cell are; row 0 is on top unless
   * {@link #rowZeroAtBottom}.
   */
  Point2D cellCentre(Rectangle2D area, int rows, int columns, int row, int column) {
    Axes axes = cellAxes(area, rows, columns);
    return new Point2D.Double(axes.x(column), axes.y(rowPosition(row, rows)));
  }

  /** A panel's axes: cell centres at whole numbers, rows counted upwards from the bottom. */
  private static Axes cellAxes(Rectangle2D area, int rows, int columns) {
    return new Axes(area, -0.5, columns - 0.5, -0.5, rows - 0.5);
  }

  /** Position on the (upward) y axis of matrix row {@code row}. */
  private double rowPosition(double row, int rows) {
    return rowZeroAtBottom ? row : rows - 1 - row;
  }

  private static List<String> labels(Axis axis) {
    return axis.ticks().stream().map(Tick::label).toList();
  }

  /** [low, high] of the colour scale. */
  private double[] range(List<Matrix> matrices) {
    if (!Double.isNaN(min)) {
      return new double[] {min, max};
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Matrix m : matrices) {
      for (float v : m.values()) {
        if (Float.isFinite(v)) {
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
    }
    if (low > high) {
      return new double[] {0, 1};
    }
    if (low == high) {
      double h = low == 0 ? 0.5 : Math.abs(low) * 0.1;
      return new double[] {low - h, high + h};
    }
    return new double[] {low, high};
  }

  private void drawPanel(Graphics2D g, Matrix matrix, Rectangle2D area, double[] range, Axis x,
      Axis y, boolean yTickLabels, boolean xTickLabels) {
    g.drawImage(cells(matrix, (int) area.getWidth(), (int) area.getHeight(), range), (int) area.getX(),
        (int) area.getY(), null);
    Axes axes = cellAxes(area, matrix.rows(), matrix.columns());
    axes.frame(g);
    double[] xs = x.ticks().stream().mapToDouble(Tick::cell).toArray();
    double[] ys = y.ticks().stream().mapToDouble(t -> rowPosition(t.cell(), matrix.rows())).toArray();
    axes.xTicks(g, xs, xTickLabels ? labels(x) : null);
    axes.yTicks(g, ys, yTickLabels ? labels(y) : null);
    if (!matrix.title().isEmpty()) {
      g.setColor(Style.TEXT);
      Style.text(g, Style.fit(matrix.title(), Style.SMALL_TITLE, area.getWidth()), Style.SMALL_TITLE,
          area.getX(), area.getY() - 3, Style.H.LEFT, Style.V.BOTTOM);
    }
  }

  /**
   * The matrix resampled to {@code width × height} pixels: each pixel is the area-weighted mean of
   * the cells it covers (NaN cells left out), then coloured.
   */
  BufferedImage cells(Matrix matrix, int width, int height, double[] range) {
    int rows = matrix.rows();
    int columns = matrix.columns();
    Weights across = new Weights(columns, width);
    Weights down = new Weights(rows, height);
    // first average along each row into the pixel columns, keeping sums and weights apart
    double[] sums = new double[rows * width];
    double[] weights = new double[rows * width];
    for (int r = 0; r < rows; r++) {
      for (int px = 0; px < width; px++) {
        double sum = 0;
        double weight = 0;
        for (int k = across.start[px]; k < across.start[px + 1]; k++) {
          float v = matrix.values()[r * columns + across.cell[k]];
          if (Float.isFinite(v)) {
            sum += across.weight[k] * v;
            weight += across.weight[k];
          }
        }
        sums[r * width + px] = sum;
        weights[r * width + px] = weight;
      }
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int missing = Style.MISSING.getRGB() & 0xFFFFFF;
    double span = range[1] - range[0];
    for (int py = 0; py < height; py++) {
      for (int px = 0; px < width; px++) {
        double sum = 0;
        double weight = 0;
        for (int k = down.start[py]; k < down.start[py + 1]; k++) {
          int r = rowZeroAtBottom ? rows - 1 - down.cell[k] : down.cell[k];
          sum += down.weight[k] * sums[r * width + px];
          weight += down.weight[k] * weights[r * width + px];
        }
        image.setRGB(px, py, weight > 0 ? colormap.rgb((sum / weight - range[0]) / span) : missing);
      }
    }
    return image;
  }

  /** For each of {@code pixels} pixels, the cells it overlaps and by how much. */
  private static final class Weights {
    final int[] start;
    final int[] cell;
    final double[] weight;

    Weights(int cells, int pixels) {
      start = new int[pixels + 1];
      double perPixel = (double) cells / pixels;
      // each pixel overlaps at most ceil(perPixel) + 1 cells
      int capacity = pixels * ((int) Math.ceil(perPixel) + 1);
      int[] cellOf = new int[capacity];
      double[] amount = new double[capacity];
      int n = 0;
      for (int p = 0; p < pixels; p++) {
        start[p] = n;
        double from = p * perPixel;
        double to = (p + 1) * perPixel;
        for (int c = (int) Math.floor(from); c < Math.min(cells, Math.ceil(to)); c++) {
          double overlap = Math.min(to, c + 1) - Math.max(from, c);
          if (overlap > 1e-12) {
            cellOf[n] = c;
            amount[n] = overlap;
            n++;
          }
        }
      }
      start[pixels] = n;
      cell = Arrays.copyOf(cellOf, n);
      weight = Arrays.copyOf(amount, n);
    }
  }

  private void drawColorbar(Graphics2D g, Rectangle2D bar, double[] range, Ticks ticks) {
    int height = (int) Math.round(bar.getHeight());
    BufferedImage gradient = new BufferedImage(BAR_WIDTH, Math.max(1, height), BufferedImage.TYPE_INT_RGB);
    for (int py = 0; py < height; py++) {
      int rgb = colormap.rgb(1 - (py + 0.5) / height);
      for (int px = 0; px < BAR_WIDTH; px++) {
        gradient.setRGB(px, py, rgb);
      }
    }
    g.drawImage(gradient, (int) bar.getX(), (int) bar.getY(), null);
    Axes axes = new Axes(new Rectangle2D.Double(bar.getX(), bar.getY(), BAR_WIDTH, height), 0, 1,
        range[0], range[1]);
    axes.frame(g);
    double right = bar.getX() + BAR_WIDTH;
    for (double value : ticks.values()) {
      double py = Axes.snap(axes.y(value));
      g.setColor(Style.FRAME);
      g.draw(new Line2D.Double(right, py, right + Axes.TICK_LENGTH, py));
      g.setColor(Style.TEXT);
      Style.text(g, ticks.label(value), Style.TICK, right + Axes.TICK_LENGTH + 3, py, Style.H.LEFT,
          Style.V.MIDDLE);
    }
    if (!valueLabel.isEmpty()) {
      double x = right + Axes.TICK_LENGTH + 3 + Axes.widest(ticks.labels()) + Axes.PAD
          + Style.height(Style.LABEL) / 2;
      g.setColor(Style.TEXT);
      Style.verticalText(g, valueLabel, Style.LABEL, x, bar.getCenterY());
    }
  }
}
