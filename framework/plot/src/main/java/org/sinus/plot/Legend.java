package org.sinus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** A boxed list of line (or colour patch) samples with their names. */
final class Legend {
  private static final double SAMPLE = 22;
  private static final double GAP = 6;
  private static final double INSET = 6;

  /** One row: a short line in {@code color} and {@code stroke}, or a filled patch if stroke is null. */
  record Entry(String label, Color color, Stroke stroke) {}

  private final List<Entry> entries;
  private final double rowHeight;

  Legend(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.rowHeight = Style.height(Style.LEGEND) + 3;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  double width() {
    double widest = 0;
    for (Entry entry : entries) {
      widest = Math.max(widest, Style.width(Style.LEGEND, entry.label()));
    }
    return INSET + SAMPLE + GAP + widest + INSET;
  }

  double height() {
    return INSET * 2 + rowHeight * entries.size() - 3;
  }

  /**
   * The corner of {@code area} (inset by a few pixels) where the legend covers the least of
   * {@code curves}; ties go to upper right, upper left, lower right, lower left.
   */
  Point2D bestCorner(Rectangle2D area, List<? extends Shape> curves) {
    List<Point2D> points = new ArrayList<>();
    for (Shape curve : curves) {
      sample(curve, points);
    }
    double w = width();
    double h = height();
    double inset = 8;
    double[][] corners = {
      {area.getMaxX() - inset - w, area.getY() + inset},
      {area.getX() + inset, area.getY() + inset},
      {area.getMaxX() - inset - w, area.getMaxY() - inset - h},
      {area.getX() + inset, area.getMaxY() - inset - h},
    };
    int best = 0;
    long bestCount = Long.MAX_VALUE;
    for (int c = 0; c < corners.length; c++) {
      // a margin around the box, so curves passing just outside it count too
      Rectangle2D box = new Rectangle2D.Double(corners[c][0] - 4, corners[c][1] - 4, w + 8, h + 8);
      long count = points.stream().filter(box::contains).count();
      if (count < bestCount) {
        bestCount = count;
        best = c;
      }
    }
    return new Point2D.Double(corners[best][0], corners[best][1]);
  }

  /** Points every ~3 px along {@code shape}'s outline (its line segments, not its interior). */
  private static void sample(Shape shape, List<Point2D> out) {
    double[] coords = new double[6];
    double lastX = 0;
    double lastY = 0;
    for (PathIterator it = shape.getPathIterator(null, 0.5); !it.isDone(); it.next()) {
      int type = it.currentSegment(coords);
      if (type == PathIterator.SEG_LINETO) {
        double length = Math.hypot(coords[0] - lastX, coords[1] - lastY);
        int steps = Math.max(1, (int) Math.ceil(length / 3));
        for (int s = 1; s <= steps; s++) {
          double f = (double) s / steps;
          out.add(new Point2D.Double(lastX + f * (coords[0] - lastX), lastY + f * (coords[1] - lastY)));
        }
      } else if (type == PathIterator.SEG_MOVETO) {
        out.add(new Point2D.Double(coords[0], coords[1]));
      }
      if (type != PathIterator.SEG_CLOSE) {
        lastX = coords[0];
        lastY = coords[1];
      }
    }
  }

  /** Draws the legend with its top left corner at (x, y). */
  void draw(Graphics2D g, double x, double y) {
    if (entries.isEmpty()) {
      return;
    }
    Rectangle2D box = new Rectangle2D.Double(Axes.snap(x), Axes.snap(y), Math.round(width()),
        Math.round(height()));
    g.setColor(new Color(255, 255, 255, 225));
    g.fill(box);
    g.setColor(new Color(0xBBBBBB));
    g.setStroke(new BasicStroke(1f));
    g.draw(box);
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      double middle = sampleCentre(i, x, y).getY();
      g.setColor(entry.color());
      if (entry.stroke() == null) {
        g.fill(new Rectangle2D.Double(x + INSET, middle - 6, SAMPLE, 12));
      } else {
        g.setStroke(entry.stroke());
        g.draw(new Line2D.Double(x + INSET, middle, x + INSET + SAMPLE, middle));
      }
      g.setColor(Style.TEXT);
      Style.text(g, entry.label(), Style.LEGEND, x + INSET + SAMPLE + GAP, middle, Style.H.LEFT,
          Style.V.MIDDLE);
    }
  }

  /**
   * Centre of entry {@code index}'s line sample (or colour patch) when the legend's top left
   * corner is at (x, y).
   */
  Point2D sampleCentre(int index, double x, double y) {
    return new Point2D.Double(x + INSET + SAMPLE / 2, y + INSET + index * rowHeight + (rowHeight - 3) / 2);
  }
}
