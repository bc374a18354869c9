package org.sinus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.sinus.api.preview.Ticks;

/**
 * A forest plot: one row per estimate, a dot at its value and a horizontal bar over its confidence
 * interval, against a vertical reference line (a baseline's value, or 0 for differences). Panels side by
 * side share the rows, whose labels stand left of the first panel; summary rows (a mean over other
 * rows) have bold labels and a diamond instead of a dot.
 *
 * <pre>{@code
 * var rows = List.of(new ForestPlot.Row("run a (baseline)", false), new ForestPlot.Row("run b", false));
 * var auc = new ForestPlot.Panel("Macro AUC", "macro AUC", 0.871, List.of(
 *     new ForestPlot.Interval(0.871, 0.84, 0.90), new ForestPlot.Interval(0.885, 0.86, 0.91)));
 * var difference = new ForestPlot.Panel("Difference from a", "Δ macro AUC", 0, List.of(
 *     ForestPlot.Interval.NONE, new ForestPlot.Interval(0.014, 0.002, 0.027)));
 * BufferedImage image = ForestPlot.standard().render("test, 95% CI", rows, List.of(auc, difference));
 * }</pre>
 *
 * @param panelWidth width of one panel in pixels (the first one also gets room for the labels)
 * @param rowHeight height of one row in pixels
 */
public record ForestPlot(int panelWidth, int rowHeight) {
  static {
    Style.ensureLoaded();
  }

  /** Colour of the bars and dots of ordinary rows, and of summary rows. */
  static final Color ROW = Style.series(0);
  static final Color SUMMARY = Style.series(1);
  /** Colour of the vertical reference line. */
  static final Color REFERENCE = Style.MUTED;

  private static final double LABEL_GAP = 10;
  private static final double CAP = 4;

  public ForestPlot {
    if (panelWidth < 160 || panelWidth > 10_000 || rowHeight < 14 || rowHeight > 500) {
      throw new IllegalArgumentException("forest plot panels must be 160..10000 px wide with rows of 14..500 px, got "
          + panelWidth + " px and " + rowHeight + " px");
    }
  }

  /** Panels 380 px wide, rows 26 px high. */
  public static ForestPlot standard() {
    return new ForestPlot(380, 26);
  }

  /**
   * One row.
   *
   * @param label the text left of the first panel
   * @param summary whether the row summarises others (bold label, diamond)
   */
  public record Row(String label, boolean summary) {
    public Row {
      label = label == null ? "" : label;
    }
  }

  /**
   * A point estimate and its interval. A NaN value leaves the row empty in that panel; NaN bounds draw
   * the dot without a bar.
   */
  public record Interval(double value, double lower, double upper) {
    /** Nothing drawn in the row (e.g. the baseline's row in a panel of differences from it). */
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN, Double.NaN);

    public Interval {
      if (lower > upper) {
        throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] has its lower bound above its upper");
      }
    }

    boolean drawn() {
      return Double.isFinite(value);
    }

    boolean hasBar() {
      return Double.isFinite(lower) && Double.isFinite(upper);
    }
  }

  /**
   * One panel.
   *
   * @param title shown above the panel; may be empty
   * @param xLabel the x axis title; may be empty
   * @param reference where the vertical reference line stands, or NaN for none
   * @param intervals one per row, in row order
   * @param xMin lower end of the x axis, or NaN to fit the intervals and the reference
   * @param xMax upper end of the x axis, or NaN to fit them
   */
  public record Panel(String title, String xLabel, double reference, List<Interval> intervals, double xMin,
      double xMax) {
    public Panel {
      title = title == null ? "" : title;
      xLabel = xLabel == null ? "" : xLabel;
      intervals = List.copyOf(intervals);
      if (Double.isNaN(xMin) != Double.isNaN(xMax) || (!Double.isNaN(xMin) && !(xMax > xMin))) {
        throw new IllegalArgumentException("panel '" + title + "': x range must be two numbers with min < max, or both "
            + "NaN; got [" + xMin + ", " + xMax + "]");
      }
    }

    /** A panel whose x axis fits its intervals and reference. */
    public Panel(String title, String xLabel, double reference, List<Interval> intervals) {
      this(title, xLabel, reference, intervals, Double.NaN, Double.NaN);
    }

    /** This panel with the x axis fixed to {@code [min, max]}; bars beyond it are cut at the frame. */
    public Panel withXRange(double min, double max) {
      return new Panel(title, xLabel, reference, intervals, min, max);
    }
  }

  /** The rows in every panel under an overall {@code title} (may be empty). */
  public BufferedImage render(String title, List<Row> rows, List<Panel> panels) {
    if (rows.isEmpty() || panels.isEmpty()) {
      throw new IllegalArgumentException("forest plot '" + title + "' needs rows and panels, got " + rows.size()
          + " rows and " + panels.size() + " panels");
    }
    for (Panel panel : panels) {
      if (panel.intervals().size() != rows.size()) {
        throw new IllegalArgumentException("panel '" + panel.title() + "' has " + panel.intervals().size()
            + " intervals for " + rows.size() + " rows");
      }
    }
    double labels = 0;
    for (Row row : rows) {
      labels = Math.max(labels, Style.width(row.summary() ? Style.SMALL_TITLE : Style.TICK, row.label()));
    }
    double labelColumn = Math.ceil(labels + LABEL_GAP);
    double titleHeight = title == null || title.isEmpty() ? 0 : Style.height(Style.TITLE) + 14;
    Rectangle2D probe = Axes.inner(new Rectangle2D.Double(0, 0, 4000, 4000), "title", "x", "", List.of(), true);
    double boxHeight = probe.getY() + rows.size() * (double) rowHeight + (4000 - probe.getMaxY());
    BufferedImage image = Style.canvas((int) Math.ceil(labelColumn + panels.size() * (double) panelWidth),
        (int) Math.ceil(titleHeight + boxHeight));
    Graphics2D g = Style.graphics(image);
    try {
      if (titleHeight > 0) {
        Style.title(g, title, image.getWidth() / 2.0, 10, 0, image.getWidth());
      }
      for (int p = 0; p < panels.size(); p++) {
        Rectangle2D box = new Rectangle2D.Double(labelColumn + p * (double) panelWidth, titleHeight, panelWidth,
            boxHeight);
        Axes axes = drawPanel(g, panels.get(p), rows, box, probe.getY());
        if (p == 0) {
          drawLabels(g, rows, axes);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Draws one panel whose rows start {@code top} pixels below the top of {@code box} (the same in every panel). */
  private Axes drawPanel(Graphics2D g, Panel panel, List<Row> rows, Rectangle2D box, double top) {
    double[] range = Double.isNaN(panel.xMin()) ? fit(panel) : new double[] {panel.xMin(), panel.xMax()};
    Rectangle2D inner = Axes.inner(box, panel.title(), panel.xLabel(), "", List.of(), true);
    Rectangle2D area = new Rectangle2D.Double(inner.getX(), box.getY() + top, inner.getWidth(),
        rows.size() * (double) rowHeight);
    Axes axes = new Axes(area, range[0], range[1], 0, rows.size());
    Ticks ticks = Ticks.inside(range[0], range[1], Math.max(2, (int) (area.getWidth() / 90)));
    axes.grid(g, ticks.values(), new double[0]);

    if (Double.isFinite(panel.reference()) && panel.reference() >= range[0] && panel.reference() <= range[1]) {
      g.setColor(REFERENCE);
      g.setStroke(new BasicStroke(1f));
      double x = Axes.snap(axes.x(panel.reference()));
      g.draw(new Line2D.Double(x, area.getY(), x, area.getMaxY()));
    }
    var savedClip = g.getClip();
    g.clip(area);
    for (int i = 0; i < rows.size(); i++) {
      Interval interval = panel.intervals().get(i);
      if (interval.drawn()) {
        drawInterval(g, axes, interval, rowCentre(axes, rows.size(), i), rows.get(i).summary());
      }
    }
    g.setClip(savedClip);
    axes.frame(g);
    axes.xTicks(g, ticks.values(), ticks.labels());
    axes.xLabel(g, panel.xLabel());
    axes.title(g, panel.title(), box);
    return axes;
  }

  private static void drawInterval(Graphics2D g, Axes axes, Interval interval, double y, boolean summary) {
    g.setColor(summary ? SUMMARY : ROW);
    if (interval.hasBar()) {
      double left = axes.x(interval.lower());
      double right = axes.x(interval.upper());
      g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      g.draw(new Line2D.Double(left, y, right, y));
      g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      g.draw(new Line2D.Double(left, y - CAP, left, y + CAP));
      g.draw(new Line2D.Double(right, y - CAP, right, y + CAP));
    }
    double x = axes.x(interval.value());
    if (summary) {
      Path2D diamond = new Path2D.Double();
      diamond.moveTo(x - 7, y);
      diamond.lineTo(x, y - 6);
      diamond.lineTo(x + 7, y);
      diamond.lineTo(x, y + 6);
      diamond.closePath();
      g.fill(diamond);
    } else {
      g.fill(new Ellipse2D.Double(x - 4.5, y - 4.5, 9, 9));
    }
  }

  private static void drawLabels(Graphics2D g, List<Row> rows, Axes axes) {
    double right = axes.area().getX() - LABEL_GAP;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      g.setColor(Style.TEXT);
      Style.text(g, row.label(), row.summary() ? Style.SMALL_TITLE : Style.TICK, right,
          rowCentre(axes, rows.size(), i), Style.H.RIGHT, Style.V.MIDDLE);
    }
  }

  /** Pixel row of the middle of row {@code i} (row 0 at the top). */
  private static double rowCentre(Axes axes, int rows, int i) {
    return axes.y(rows - i - 0.5);
  }

  /** The range of the finite values, bounds and the reference, padded by 5 % on each side. */
  private static double[] fit(Panel panel) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Interval interval : panel.intervals()) {
      for (double v : new double[] {interval.value(), interval.lower(), interval.upper()}) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (Double.isFinite(panel.reference())) {
      min = Math.min(min, panel.reference());
      max = Math.max(max, panel.reference());
    }
    if (!(min <= max)) {
      return new double[] {0, 1};
    }
    if (max == min) {
      double half = min == 0 ? 0.01 : Math.abs(min) * 0.05;
      return new double[] {min - half, max + half};
    }
    double pad = (max - min) * 0.05;
    return new double[] {min - pad, max + pad};
  }
}
