package org.sinus.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sinus.api.preview.Ticks;

/**
 * Line charts of named series, e.g. training curves (x = epoch): one or more panels side by side,
 * each with nice axis ticks, a legend and a title. Points with a NaN coordinate are left out and
 * the line joins the points around them, so a metric measured every fifth epoch (NaN in between)
 * is one line. Series of at most {@value #MARKER_LIMIT} points, and series of a single point,
 * also get a dot at each point.
 *
 * <pre>{@code
 * var loss = new LineChart.Panel("Loss", "epoch", "loss", List.of(
 *     LineChart.Series.ofEpochs("train", trainLoss), LineChart.Series.ofEpochs("validation", validLoss)));
 * var auc = new LineChart.Panel("Validation AUC", "epoch", "macro AUC", List.of(
 *     LineChart.Series.ofEpochs("macro AUC", auc))).withYRange(0.5, 1);
 * BufferedImage image = LineChart.standard().render("run 7", List.of(loss, auc));
 * }</pre>
 *
 * @param panelWidth width of one panel in pixels
 * @param panelHeight height of one panel in pixels (the image adds a line for an overall title)
 */
public record LineChart(int panelWidth, int panelHeight) {
  static {
    Style.ensureLoaded();
  }

  /** Series with at most this many finite points also get a dot at each point. */
  static final int MARKER_LIMIT = 40;

  public LineChart {
    if (panelWidth < 160 || panelHeight < 120 || panelWidth > 10_000 || panelHeight > 10_000) {
      throw new IllegalArgumentException("line chart panels must be 160..10000 × 120..10000 px, got "
          + panelWidth + " × " + panelHeight);
    }
  }

  /** Panels of 560 × 400 pixels. */
  public static LineChart standard() {
    return new LineChart(560, 400);
  }

  /**
   * One line.
   *
   * @param name the legend text; empty for no legend entry
   * @param x the x coordinates
   * @param y the y coordinates, as many as x; a point with a NaN coordinate is left out
   * @param color palette index of the line colour, or -1 for the series' position in its panel
   * @param dashed whether the line is dashed (e.g. validation next to a solid training line)
   */
  public record Series(String name, double[] x, double[] y, int color, boolean dashed) {
    public Series {
      name = name == null ? "" : name;
      if (x.length != y.length) {
        throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but "
            + y.length + " y values");
      }
      x = x.clone();
      y = y.clone();
    }

    public static Series of(String name, double[] x, double[] y) {
      return new Series(name, x, y, -1, false);
    }

    /** A series with x = 1, 2, …, y.length (epochs counted from 1). */
    public static Series ofEpochs(String name, double[] y) {
      double[] x = new double[y.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i + 1;
      }
      return new Series(name, x, y, -1, false);
    }

    /** This series drawn dashed. */
    public Series withDashes() {
      return new Series(name, x, y, color, true);
    }

    /** This series in the palette's {@code index}-th colour (0 blue, 1 orange, 2 green, 3 red, …). */
    public Series withColor(int index) {
      return new Series(name, x, y, index, dashed);
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] y() {
      return y.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Series s && s.name.equals(name) && Arrays.equals(s.x, x)
          && Arrays.equals(s.y, y) && s.color == color && s.dashed == dashed;
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
      return "Series[" + name + ", " + x.length + " points]";
    }
  }

  /**
   * One chart: its series, axis titles and, optionally, a fixed y range.
   *
   * @param title shown above the plot; may be empty
   * @param xLabel x axis title; may be empty
   * @param yLabel y axis title; may be empty
   * @param series the lines
   * @param yMin lower end of the y axis, or NaN to fit the data
   * @param yMax upper end of the y axis, or NaN to fit the data
   */
  public record Panel(String title, String xLabel, String yLabel, List<Series> series, double yMin,
      double yMax) {
    public Panel {
      title = title == null ? "" : title;
      xLabel = xLabel == null ? "" : xLabel;
      yLabel = yLabel == null ? "" : yLabel;
      series = List.copyOf(series);
      if (Double.isNaN(yMin) != Double.isNaN(yMax) || (!Double.isNaN(yMin) && !(yMax > yMin))) {
        throw new IllegalArgumentException("panel '" + title + "': y range must be two numbers with "
            + "min < max, or both NaN; got [" + yMin + ", " + yMax + "]");
      }
    }

    /** A panel whose y axis fits the data. */
    public Panel(String title, String xLabel, String yLabel, List<Series> series) {
      this(title, xLabel, yLabel, series, Double.NaN, Double.NaN);
    }

    /** This panel with the y axis fixed to {@code [min, max]}; lines beyond it are cut off. */
    public Panel withYRange(double min, double max) {
      return new Panel(title, xLabel, yLabel, series, min, max);
    }
  }

  /** One panel. */
  public BufferedImage render(Panel panel) {
    return render("", List.of(panel));
  }

  /** Panels side by side, without an overall title. */
  public BufferedImage render(List<Panel> panels) {
    return render("", panels);
  }

  /** Panels side by side under an overall {@code title} (may be empty). */
  public BufferedImage render(String title, List<Panel> panels) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("line chart '" + title + "' has no panels");
    }
    double titleHeight = titleHeight(title);
    BufferedImage image = Style.canvas(panelWidth * panels.size(),
        (int) Math.ceil(panelHeight + titleHeight));
    Graphics2D g = Style.graphics(image);
    try {
      if (titleHeight > 0) {
        Style.title(g, title, image.getWidth() / 2.0, 10, 0, image.getWidth());
      }
      for (int i = 0; i < panels.size(); i++) {
        drawPanel(g, panels.get(i), box(title, i));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * How {@link #render(String, List)} with the same arguments maps the data of panel {@code index}
   * to pixels: {@link Axes#x}, {@link Axes#y} and the plot area inside the frame. For tests that
   * look for a series at the pixels where it must be.
   */
  Axes axes(String title, List<Panel> panels, int index) {
    return geometry(panels.get(index), box(title, index)).axes();
  }

  private static double titleHeight(String title) {
    return title == null || title.isEmpty() ? 0 : Style.height(Style.TITLE) + 14;
  }

  /** The part of the image that panel {@code index} is drawn in. */
  private Rectangle2D box(String title, int index) {
    return new Rectangle2D.Double(index * panelWidth, titleHeight(title), panelWidth, panelHeight);
  }

  /** A panel's axes (data to pixels), its ticks, and whether it has no finite point at all. */
  private record Geometry(Axes axes, Ticks xTicks, Ticks yTicks, boolean empty) {}

  private static Geometry geometry(Panel panel, Rectangle2D box) {
    double[] xr = range(panel.series(), true);
    boolean integers = xr != null && allIntegers(panel.series());
    double[] yr = Double.isNaN(panel.yMin()) ? range(panel.series(), false)
        : new double[] {panel.yMin(), panel.yMax()};
    boolean empty = xr == null;
    if (empty) {
      xr = new double[] {0, 1};
      yr = Double.isNaN(panel.yMin()) ? new double[] {0, 1} : yr;
    } else {
      xr = widen(xr, integers);
      if (Double.isNaN(panel.yMin())) {
        yr = pad(widen(yr, false), 0.05);
      }
    }

    Ticks yTicks = Ticks.inside(yr[0], yr[1], Math.max(2, (int) (box.getHeight() / 70)));
    Rectangle2D area = Axes.inner(box, panel.title(), panel.xLabel(), panel.yLabel(),
        yTicks.labels(), true);
    Ticks xTicks = Ticks.inside(xr[0], xr[1], Math.max(2, (int) (area.getWidth() / 90)), integers);
    return new Geometry(new Axes(area, xr[0], xr[1], yr[0], yr[1]), xTicks, yTicks, empty);
  }

  private static void drawPanel(Graphics2D g, Panel panel, Rectangle2D box) {
    Geometry geometry = geometry(panel, box);
    Axes axes = geometry.axes();
    Rectangle2D area = axes.area();
    Ticks xTicks = geometry.xTicks();
    Ticks yTicks = geometry.yTicks();
    axes.grid(g, xTicks.values(), yTicks.values());
    List<Shape> drawn = new ArrayList<>();
    List<Legend.Entry> entries = new ArrayList<>();
    for (int i = 0; i < panel.series().size(); i++) {
      Series series = panel.series().get(i);
      Color color = Style.series(series.color() >= 0 ? series.color() : i);
      // past the palette's ten colours, automatic styles move on to the next line pattern
      int pattern = series.dashed() ? 1 : series.color() >= 0 ? 0 : i / Style.paletteSize();
      var stroke = Style.line(2f, pattern);
      Path2D path = axes.path(series.x, series.y, true);
      var savedClip = g.getClip();
      g.clip(area); // a fixed y range cuts lines at the frame
      g.setColor(color);
      g.setStroke(stroke);
      g.draw(path);
      g.setClip(savedClip);
      drawn.add(path);
      int finite = 0;
      for (int p = 0; p < series.x.length; p++) {
        if (Double.isFinite(series.x[p]) && Double.isFinite(series.y[p])) {
          finite++;
        }
      }
      for (int p = 0; p < series.x.length; p++) {
        boolean inside = Double.isFinite(series.x[p]) && Double.isFinite(series.y[p])
            && series.y[p] >= axes.yMin() && series.y[p] <= axes.yMax();
        if (!inside) {
          continue;
        }
        if (finite <= MARKER_LIMIT) {
          double r = finite == 1 ? 3.5 : 2.5;
          Ellipse2D dot = new Ellipse2D.Double(axes.x(series.x[p]) - r, axes.y(series.y[p]) - r, 2 * r, 2 * r);
          g.fill(dot);
          drawn.add(dot);
        }
      }
      if (!series.name().isEmpty()) {
        entries.add(new Legend.Entry(series.name(), color, stroke));
      }
    }
    axes.frame(g);
    axes.xTicks(g, xTicks.values(), xTicks.labels());
    axes.yTicks(g, yTicks.values(), yTicks.labels());
    axes.xLabel(g, panel.xLabel());
    axes.yLabel(g, panel.yLabel(), Axes.widest(yTicks.labels()));
    axes.title(g, panel.title(), box);
    if (geometry.empty()) {
      g.setColor(Style.MUTED);
      Style.text(g, "no data", Style.LABEL, area.getCenterX(), area.getCenterY(), Style.H.CENTER,
          Style.V.MIDDLE);
    }
    Legend legend = new Legend(entries);
    if (!legend.isEmpty()) {
      Point2D corner = legend.bestCorner(area, drawn);
      legend.draw(g, corner.getX(), corner.getY());
    }
  }

  /** [min, max] of the finite x (or y) of points whose both coordinates are finite; null if none. */
  private static double[] range(List<Series> series, boolean ofX) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int p = 0; p < s.x.length; p++) {
        if (Double.isFinite(s.x[p]) && Double.isFinite(s.y[p])) {
          double v = ofX ? s.x[p] : s.y[p];
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return min <= max ? new double[] {min, max} : null;
  }

  private static boolean allIntegers(List<Series> series) {
    for (Series s : series) {
      for (int p = 0; p < s.x.length; p++) {
        if (Double.isFinite(s.x[p]) && Double.isFinite(s.y[p]) && s.x[p] != Math.rint(s.x[p])) {
          return false;
        }
      }
    }
    return true;
  }

  /** A range of one value v becomes v ± 1 on an integer axis, else v ± 10 % (± 0.5 around 0). */
  private static double[] widen(double[] range, boolean integers) {
    if (range[1] > range[0]) {
      return range;
    }
    double h = integers ? 1 : range[0] == 0 ? 0.5 : Math.abs(range[0]) * 0.1;
    return new double[] {range[0] - h, range[1] + h};
  }

  private static double[] pad(double[] range, double fraction) {
    double d = (range[1] - range[0]) * fraction;
    return new double[] {range[0] - d, range[1] + d};
  }
}
