package org.sinus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sinus.api.preview.Ticks;

/**
 * Curves of rates on square axes from 0 to 1, one colour each (up to ten; further curves repeat them
 * dashed, then dotted, then dash-dotted), optionally with the chance diagonal, and their legend inside
 * the plot or, for many curves, beside it. What {@link RocPlot} and {@link PrecisionRecallPlot} draw.
 */
final class UnitSquareChart {
  static {
    Style.ensureLoaded();
  }

  static final Color CHANCE = new Color(0x9A9A9A);

  /** Where a legend that fits inside the plot goes. */
  enum LegendPlace {
    /** The lower right corner, which ROC curves of any use leave free. */
    LOWER_RIGHT,
    /** The corner that covers the least of the curves. */
    LEAST_COVERED
  }

  /**
   * One curve.
   *
   * @param label its legend entry
   * @param x the x values, in [0, 1], in drawing order
   * @param y the y values, as many
   */
  record Line(String label, double[] x, double[] y) {}

  private final int plotSize;
  private final String xLabel;
  private final String yLabel;
  private final boolean chanceDiagonal;
  private final LegendPlace legendPlace;

  UnitSquareChart(int plotSize, String xLabel, String yLabel, boolean chanceDiagonal, LegendPlace legendPlace) {
    this.plotSize = plotSize;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.chanceDiagonal = chanceDiagonal;
    this.legendPlace = legendPlace;
  }

  BufferedImage render(String title, List<Line> lines) {
    Ticks ticks = ticks();
    Rectangle2D probe = probe(title);
    double left = probe.getX();
    double top = probe.getY();
    double bottom = 4000 - probe.getMaxY();
    List<Legend.Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      entries.add(new Legend.Entry(lines.get(i).label(), Style.series(i), stroke(i)));
    }
    if (chanceDiagonal) {
      entries.add(new Legend.Entry("chance", CHANCE, chanceStroke()));
    }
    List<Legend> legends = columns(entries);
    Legend only = legends.get(0);
    boolean inside = legends.size() == 1 && only.height() <= plotSize * 0.55
        && only.width() <= plotSize * 0.75;
    double outsideWidth = 0;
    if (!inside) {
      for (Legend legend : legends) {
        outsideWidth += legend.width() + 10;
      }
    }

    int width = (int) Math.ceil(left + plotSize + 14 + outsideWidth + (inside ? 0 : 6));
    int height = (int) Math.ceil(top + plotSize + bottom);
    BufferedImage image = Style.canvas(width, height);
    Graphics2D g = Style.graphics(image);
    try {
      Axes axes = axes(title);
      Rectangle2D area = axes.area();
      axes.grid(g, ticks.values(), ticks.values());
      if (chanceDiagonal) {
        g.setColor(CHANCE);
        g.setStroke(chanceStroke());
        g.draw(new Line2D.Double(axes.x(0), axes.y(0), axes.x(1), axes.y(1)));
      }

      List<Shape> paths = new ArrayList<>();
      var savedClip = g.getClip();
      g.clip(new Rectangle2D.Double(area.getX() - 2, area.getY() - 2, area.getWidth() + 4,
          area.getHeight() + 4));
      for (int i = 0; i < lines.size(); i++) {
        Shape path = axes.path(lines.get(i).x(), lines.get(i).y());
        paths.add(path);
        g.setColor(Style.series(i));
        g.setStroke(stroke(i));
        g.draw(path);
      }
      g.setClip(savedClip);

      axes.frame(g);
      axes.xTicks(g, ticks.values(), ticks.labels());
      axes.yTicks(g, ticks.values(), ticks.labels());
      axes.xLabel(g, xLabel);
      axes.yLabel(g, yLabel, Axes.widest(ticks.labels()));
      axes.title(g, title == null ? "" : title, new Rectangle2D.Double(0, 0, width, height));
      if (inside) {
        Point2D corner = legendPlace == LegendPlace.LOWER_RIGHT
            ? new Point2D.Double(area.getMaxX() - only.width() - 8, area.getMaxY() - only.height() - 8)
            : only.bestCorner(area, paths);
        only.draw(g, corner.getX(), corner.getY());
      } else {
        double x = area.getMaxX() + 14;
        for (Legend legend : legends) {
          legend.draw(g, x, area.getY());
          x += legend.width() + 10;
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** How {@link #render} with this title maps values to pixels, and the square plot area. */
  Axes axes(String title) {
    Rectangle2D probe = probe(title);
    return new Axes(new Rectangle2D.Double(probe.getX(), probe.getY(), plotSize, plotSize), 0, 1, 0, 1);
  }

  private static Ticks ticks() {
    return Ticks.inside(0, 1, 5);
  }

  /** The plot area that the title, axis titles and tick labels leave in a large square. */
  private Rectangle2D probe(String title) {
    return Axes.inner(new Rectangle2D.Double(0, 0, 4000, 4000), title, xLabel, yLabel, ticks().labels(), true);
  }

  /** The entries split into as few columns as fit the plot's height. */
  private List<Legend> columns(List<Legend.Entry> entries) {
    if (entries.isEmpty()) {
      return List.of(new Legend(entries));
    }
    int perColumn = entries.size();
    while (perColumn > 1 && new Legend(entries.subList(0, perColumn)).height() > plotSize) {
      perColumn--;
    }
    // balance the columns: 26 entries in two columns are 13 and 13, not 25 and 1
    int count = (entries.size() + perColumn - 1) / perColumn;
    perColumn = (entries.size() + count - 1) / count;
    List<Legend> columns = new ArrayList<>();
    for (int start = 0; start < entries.size(); start += perColumn) {
      columns.add(new Legend(entries.subList(start, Math.min(entries.size(), start + perColumn))));
    }
    return columns;
  }

  private static Stroke stroke(int index) {
    return Style.line(2f, index / Style.paletteSize());
  }

  private static Stroke chanceStroke() {
    return new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[] {5f, 5f}, 0f);
  }
}
