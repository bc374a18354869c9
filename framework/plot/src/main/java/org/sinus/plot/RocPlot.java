package org.sinus.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Receiver operating characteristic curves, one per class, on square axes from 0 to 1 with the
 * chance diagonal; the legend gives each curve's area under the curve. Up to ten curves get
 * distinct colours; further curves repeat them dashed, then dotted, then dash-dotted
 * ({@link UnitSquareChart}).
 *
 * <pre>{@code
 * var curves = List.of(RocPlot.Curve.of("NORM", fprNorm, tprNorm), RocPlot.Curve.of("MI", fprMi, tprMi));
 * BufferedImage image = RocPlot.standard().render("fold 10, test", curves);
 * }</pre>
 *
 * @param plotSize side of the square plot area in pixels
 */
public record RocPlot(int plotSize) {
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
    List<UnitSquareChart.Line> lines = new ArrayList<>();
    for (Curve curve : curves) {
      String auc = Double.isNaN(curve.auc()) ? "AUC n/a"
          : String.format(Locale.ROOT, "AUC %.3f", curve.auc());
      lines.add(new UnitSquareChart.Line(curve.name().isEmpty() ? auc : curve.name() + "  (" + auc + ")",
          curve.fpr, curve.tpr));
    }
    return chart().render(title, lines);
  }

  /**
   * How {@link #render} with this title maps rates to pixels: {@link Axes#x} of a false positive
   * rate, {@link Axes#y} of a true positive rate, and the square plot area. For tests that look for
   * a curve at the pixels where it must be.
   */
  Axes axes(String title) {
    return chart().axes(title);
  }

  private UnitSquareChart chart() {
    return new UnitSquareChart(plotSize, "False positive rate", "True positive rate", true,
        UnitSquareChart.LegendPlace.LOWER_RIGHT);
  }
}
