package org.sinus.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A rectangular plot area that maps data coordinates to pixels, and draws what surrounds data:
 * grid lines, frame, tick marks and labels, axis titles. Charts compose it instead of repeating
 * the arithmetic.
 */
final class Axes {
  static final double TICK_LENGTH = 4;
  static final double PAD = 6;

  private final Rectangle2D area;
  private final double xMin;
  private final double xMax;
  private final double yMin;
  private final double yMax;

  Axes(Rectangle2D area, double xMin, double xMax, double yMin, double yMax) {
    if (!(xMax > xMin) || !(yMax > yMin)) {
      throw new IllegalArgumentException("empty axis range x [" + xMin + ", " + xMax + "], y ["
          + yMin + ", " + yMax + "]");
    }
    this.area = area;
    this.xMin = xMin;
    this.xMax = xMax;
    this.yMin = yMin;
    this.yMax = yMax;
  }

  /**
   * The plot area left inside {@code box} once room is made for a title above, y tick labels and
   * a y axis title on the left, and x tick labels and an x axis title below. Empty or null texts
   * take no room.
   */
  static Rectangle2D inner(Rectangle2D box, String title, String xLabel, String yLabel,
      List<String> yTickLabels, boolean xTickLabels) {
    double top = box.getY() + PAD + (isEmpty(title) ? 4 : Style.height(Style.TITLE) + PAD);
    double left = box.getX() + PAD + (isEmpty(yLabel) ? 0 : Style.height(Style.LABEL) + PAD)
        + widest(yTickLabels) + TICK_LENGTH + 3;
    double bottom = box.getMaxY() - PAD - (isEmpty(xLabel) ? 0 : Style.height(Style.LABEL) + 3)
        - (xTickLabels ? Style.height(Style.TICK) + TICK_LENGTH + 3 : 0);
    double right = box.getMaxX() - PAD - 8;
    return new Rectangle2D.Double(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
  }

  static double widest(List<String> labels) {
    double widest = 0;
    for (String label : labels) {
      widest = Math.max(widest, Style.width(Style.TICK, label));
    }
    return widest;
  }

  private static boolean isEmpty(String text) {
    return text == null || text.isEmpty();
  }

  Rectangle2D area() {
    return (Rectangle2D) area.clone();
  }

  /** Lower end of the y axis, in data units. */
  double yMin() {
    return yMin;
  }

  /** Upper end of the y axis, in data units. */
  double yMax() {
    return yMax;
  }

  /** Pixel column of data value {@code value} on the x axis. */
  double x(double value) {
    return area.getX() + (value - xMin) / (xMax - xMin) * area.getWidth();
  }

  /** Pixel row of data value {@code value} on the y axis (larger values higher up). */
  double y(double value) {
    return area.getMaxY() - (value - yMin) / (yMax - yMin) * area.getHeight();
  }

  /** Light grid lines at the given data positions (positions outside the range are skipped). */
  void grid(Graphics2D g, double[] xs, double[] ys) {
    g.setColor(Style.GRID);
    g.setStroke(new BasicStroke(1f));
    for (double value : xs) {
      if (value >= xMin && value <= xMax) {
        double px = snap(x(value));
        g.draw(new Line2D.Double(px, area.getY(), px, area.getMaxY()));
      }
    }
    for (double value : ys) {
      if (value >= yMin && value <= yMax) {
        double py = snap(y(value));
        g.draw(new Line2D.Double(area.getX(), py, area.getMaxX(), py));
      }
    }
  }

  /** The box around the plot area. */
  void frame(Graphics2D g) {
    g.setColor(Style.FRAME);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(snap(area.getX()), snap(area.getY()),
        Math.round(area.getWidth()), Math.round(area.getHeight())));
  }

  /**
   * Tick marks below the area and, if {@code labels} is not null, their labels; a label that would
   * touch the one before it is left out (its tick mark stays).
   */
  void xTicks(Graphics2D g, double[] positions, List<String> labels) {
    g.setStroke(new BasicStroke(1f));
    double lastRight = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] < xMin || positions[i] > xMax) {
        continue;
      }
      double px = snap(x(positions[i]));
      g.setColor(Style.FRAME);
      g.draw(new Line2D.Double(px, area.getMaxY(), px, area.getMaxY() + TICK_LENGTH));
      if (labels != null) {
        double half = Style.width(Style.TICK, labels.get(i)) / 2;
        if (px - half < lastRight + 6) {
          continue;
        }
        lastRight = px + half;
        g.setColor(Style.TEXT);
        Style.text(g, labels.get(i), Style.TICK, px, area.getMaxY() + TICK_LENGTH + 2,
            Style.H.CENTER, Style.V.TOP);
      }
    }
  }

  /**
   * Tick marks left of the area and, if {@code labels} is not null, their labels; a label that
   * would touch the one before it is left out (its tick mark stays).
   */
  void yTicks(Graphics2D g, double[] positions, List<String> labels) {
    g.setStroke(new BasicStroke(1f));
    double lastY = Double.NaN;
    double height = Style.height(Style.TICK);
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] < yMin || positions[i] > yMax) {
        continue;
      }
      double py = snap(y(positions[i]));
      g.setColor(Style.FRAME);
      g.draw(new Line2D.Double(area.getX() - TICK_LENGTH, py, area.getX(), py));
      if (labels != null) {
        if (Math.abs(py - lastY) < height + 1) {
          continue;
        }
        lastY = py;
        g.setColor(Style.TEXT);
        Style.text(g, labels.get(i), Style.TICK, area.getX() - TICK_LENGTH - 3, py,
            Style.H.RIGHT, Style.V.MIDDLE);
      }
    }
  }

  /** The x axis title, centred below the tick labels. */
  void xLabel(Graphics2D g, String text) {
    g.setColor(Style.TEXT);
    double y = area.getMaxY() + TICK_LENGTH + 3 + Style.height(Style.TICK) + 3;
    Style.text(g, text, Style.LABEL, area.getCenterX(), y, Style.H.CENTER, Style.V.TOP);
  }

  /** The y axis title, turned, left of tick labels {@code tickLabelWidth} pixels wide. */
  void yLabel(Graphics2D g, String text, double tickLabelWidth) {
    g.setColor(Style.TEXT);
    double x = area.getX() - TICK_LENGTH - 3 - tickLabelWidth - PAD - Style.height(Style.LABEL) / 2;
    Style.verticalText(g, text, Style.LABEL, x, area.getCenterY());
  }

  /**
   * The chart title, centred above the area and shortened with an ellipsis where it would leave
   * {@code box} (the panel the area sits in).
   */
  void title(Graphics2D g, String text, Rectangle2D box) {
    double centre = area.getCenterX();
    double room = 2 * Math.min(centre - box.getX(), box.getMaxX() - centre) - 8;
    g.setColor(Style.TEXT);
    Style.text(g, Style.fit(text, Style.TITLE, room), Style.TITLE, centre, area.getY() - PAD,
        Style.H.CENTER, Style.V.BOTTOM);
  }

  /**
   * The polyline through {@code (xs[i], ys[i])} in pixels; a point with a NaN or infinite
   * coordinate breaks the line.
   */
  Path2D path(double[] xs, double[] ys) {
    return path(xs, ys, false);
  }

  /**
   * The polyline through {@code (xs[i], ys[i])} in pixels, leaving out points with a NaN or
   * infinite coordinate; with {@code bridge} the line joins the finite points on both sides of
   * such a gap, otherwise it breaks there.
   */
  Path2D path(double[] xs, double[] ys, boolean bridge) {
    Path2D path = new Path2D.Double();
    boolean open = false;
    for (int i = 0; i < xs.length; i++) {
      if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
        open = open && bridge;
        continue;
      }
      double px = x(xs[i]);
      double py = y(ys[i]);
      if (open) {
        path.lineTo(px, py);
      } else {
        path.moveTo(px, py);
        open = true;
      }
    }
    return path;
  }

  /** Centre of the pixel a 1 px line at {@code value} should cover, so that it stays crisp. */
  static double snap(double value) {
    return Math.floor(value) + 0.5;
  }
}
