package org.sinus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sinus.api.preview.Ticks;

/**
 * Receiver operating characteristic curves, one per class, on square axes from 0 to 1 with the
 * chance diagonal; the legend gives each curve's area under the curve. Up to ten curves get
 * distinct colours; further curves repeat them dashed, then dotted, then dash-dotted.
 *
 * <pre>{@code
 * var curves = List.of(RocPlot.Curve.of("NORM", fprNorm, tprNorm), RocPlot.Curve.of("MI", fprMi, tprMi));
 * BufferedImage image = RocPlot.standard().render("fold 10, test", curves);
 * }</pre>
 *
 * @param plotSize side of the square plot area in pixels
 */
public record RocPlot(int plotSize) {
  static {
    Style.ensureLoaded();
  }

  private static final Color CHANCE = new Color(0x9A9A9A);

  public RocPlot {
    if (plotSize < 120 || plotSize > 10_000) {
      throw new IllegalArgumentException("ROC plot size must be 120..10000 px, got " + plotSize);
    }
  }

  /** A 440 px square plot area. */
  public static RocPlot standard() {
    return new RocPlot(440);
  }

  /**
   * One class's curve.
   *
   * @param name the class name
   * @param fpr false positive rates, in [0, 1], in curve order
   * @param tpr true positive rates, in [0, 1], as many as fpr
   * @param auc the area under the curve as the caller computed it (NaN if unknown)
   */
  public record Curve(String name, double[] fpr, double[] tpr, double auc) {
    public Curve {
      name = name == null ? "" : name;
      if (fpr.length != tpr.length || fpr.length == 0) {
        throw new IllegalArgumentException("ROC curve '" + name + "' needs as many true as false positive"
            + " rates and at least one point, got " + fpr.length + " and " + tpr.length);
      }
      check(name, "fpr", fpr);
      check(name, "tpr", tpr);
      fpr = fpr.clone();
      tpr = tpr.clone();
    }

    /**
     * A curve whose AUC is the trapezoidal area under its points.
     *
     * @throws IllegalArgumentException if the false positive rates are not monotonic
     */
    public static Curve of(String name, double[] fpr, double[] tpr) {
      return new Curve(name, fpr, tpr, trapezoid(name, fpr, tpr));
    }

    private static void check(String name, String what, double[] rates) {
      for (int i = 0; i < rates.length; i++) {
        if (!(rates[i] >= 0 && rates[i] <= 1)) {
          throw new IllegalArgumentException("ROC curve '" + name + "': " + what + "[" + i + "] = "
              + rates[i] + " is not a rate in [0, 1]");
        }
      }
    }

    private static double trapezoid(String name, double[] fpr, double[] tpr) {
      if (fpr.length != tpr.length) {
        return Double.NaN; // the constructor reports it
      }
      boolean up = true;
      boolean down = true;
      double area = 0;
      for (int i = 1; i < fpr.length; i++) {
        up &= fpr[i] >= fpr[i - 1];
        down &= fpr[i] <= fpr[i - 1];
        area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
      }
      if (!up && !down) {
        throw new IllegalArgumentException("ROC curve '" + name + "': false positive rates are not "
            + "monotonic, so the area under the curve is undefined");
      }
      return Math.abs(area);
    }

    @Override
    public double[] fpr() {
      return fpr.clone();
    }

    @Override
    public double[] tpr() {
      return tpr.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Curve c && c.name.equals(name) && Arrays.equals(c.fpr, fpr)
          && Arrays.equals(c.tpr, tpr) && Double.compare(c.auc, auc) == 0;
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(tpr);
    }

    @Override
    public String toString() {
      return "Curve[" + name + ", " + fpr.length + " points, AUC " + auc + "]";
    }
  }

  /** The curves under {@code title} (may be empty). */
  public BufferedImage render(String title, List<Curve> curves) {
    Ticks ticks = ticks();
    Rectangle2D probe = probe(title);
    double left = probe.getX();
    double top = probe.getY();
    double bottom = 4000 - probe.getMaxY();
    List<Legend.Entry> entries = new ArrayList<>();
    for (int i = 0; i < curves.size(); i++) {
      Curve curve = curves.get(i);
      String auc = Double.isNaN(curve.auc()) ? "AUC n/a"
          : String.format(Locale.ROOT, "AUC %.3f", curve.auc());
      entries.add(new Legend.Entry(curve.name().isEmpty() ? auc : curve.name() + "  (" + auc + ")",
          Style.series(i), stroke(i)));
    }
    entries.add(new Legend.Entry("chance", CHANCE, chanceStroke()));
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
      g.setColor(CHANCE);
      g.setStroke(chanceStroke());
      g.draw(new Line2D.Double(axes.x(0), axes.y(0), axes.x(1), axes.y(1)));

      var savedClip = g.getClip();
      g.clip(new Rectangle2D.Double(area.getX() - 2, area.getY() - 2, area.getWidth() + 4,
          area.getHeight() + 4));
      for (int i = 0; i < curves.size(); i++) {
        g.setColor(Style.series(i));
        g.setStroke(stroke(i));
        g.draw(axes.path(curves.get(i).fpr, curves.get(i).tpr));
      }
      g.setClip(savedClip);

      axes.frame(g);
      axes.xTicks(g, ticks.values(), ticks.labels());
      axes.yTicks(g, ticks.values(), ticks.labels());
      axes.xLabel(g, "False positive rate");
      axes.yLabel(g, "True positive rate", Axes.widest(ticks.labels()));
      axes.title(g, title == null ? "" : title, new Rectangle2D.Double(0, 0, width, height));
      if (inside) {
        only.draw(g, area.getMaxX() - only.width() - 8, area.getMaxY() - only.height() - 8);
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

  /**
   * How {@link #render} with this title maps rates to pixels: {@link Axes#x} of a false positive
   * rate, {@link Axes#y} of a true positive rate, and the square plot area. For tests that look for
   * a curve at the pixels where it must be.
   */
  Axes axes(String title) {
    Rectangle2D probe = probe(title);
    return new Axes(new Rectangle2D.Double(probe.getX(), probe.getY(), plotSize, plotSize), 0, 1, 0, 1);
  }

  private static Ticks ticks() {
    return Ticks.inside(0, 1, 5);
  }

  /** The plot area that the title, axis titles and tick labels leave in a large square. */
  private static Rectangle2D probe(String title) {
    return Axes.inner(new Rectangle2D.Double(0, 0, 4000, 4000), title, "False positive rate",
        "True positive rate", ticks().labels(), true);
  }

  /** The entries split into as few columns as fit the plot's height. */
  private List<Legend> columns(List<Legend.Entry> entries) {
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
