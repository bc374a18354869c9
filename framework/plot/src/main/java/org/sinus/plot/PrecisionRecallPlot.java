package org.sinus.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Precision–recall curves, one per class, on square axes from 0 to 1; the legend gives each curve's
 * average precision. Each curve is drawn as the steps whose area is its average precision: from the
 * recall of one point to the next at the precision of the next, so the eye reads the same number the
 * legend gives. A classifier that guesses has precision equal to the share of positives at every
 * recall, so there is no chance line common to all classes. Colours, dashes and the legend's place
 * as in {@link RocPlot}, except that the legend takes the corner the curves leave freest.
 *
 * <pre>{@code
 * var curves = List.of(PrecisionRecallPlot.Curve.of("MI", recall, precision));
 * BufferedImage image = PrecisionRecallPlot.standard().render("fold 10, test", curves);
 * }</pre>
 *
 * @param plotSize side of the square plot area in pixels
 */
public record PrecisionRecallPlot(int plotSize) {
  public PrecisionRecallPlot {
    if (plotSize < 120 || plotSize > 10_000) {
      throw new IllegalArgumentException("precision-recall plot size must be 120..10000 px, got " + plotSize);
    }
  }

  /** A 440 px square plot area, as {@link RocPlot#standard()}. */
  public static PrecisionRecallPlot standard() {
    return new PrecisionRecallPlot(440);
  }

  /**
   * One class's curve: a point per decision threshold, from the highest threshold down.
   *
   * @param name the class name
   * @param recall the recall at each threshold, in [0, 1], non-decreasing
   * @param precision the precision at each threshold, in [0, 1], as many
   * @param averagePrecision the average precision as the caller computed it (NaN if unknown)
   */
  public record Curve(String name, double[] recall, double[] precision, double averagePrecision) {
    public Curve {
      name = name == null ? "" : name;
      if (recall.length != precision.length || recall.length == 0) {
        throw new IllegalArgumentException("precision-recall curve '" + name + "' needs as many precisions as"
            + " recalls and at least one point, got " + recall.length + " and " + precision.length);
      }
      for (int i = 0; i < recall.length; i++) {
        if (!(recall[i] >= 0 && recall[i] <= 1) || !(precision[i] >= 0 && precision[i] <= 1)) {
          throw new IllegalArgumentException("precision-recall curve '" + name + "': point " + i + " (recall "
              + recall[i] + ", precision " + precision[i] + ") is not in [0, 1]");
        }
        if (i > 0 && recall[i] < recall[i - 1]) {
          throw new IllegalArgumentException("precision-recall curve '" + name + "': recall falls from "
              + recall[i - 1] + " to " + recall[i] + " at point " + i + "; give the points from the highest"
              + " threshold down");
        }
      }
      recall = recall.clone();
      precision = precision.clone();
    }

    /** A curve whose average precision is the area under its steps, {@code Σ (R_i − R_i−1) P_i} with R_0 = 0. */
    public static Curve of(String name, double[] recall, double[] precision) {
      double area = 0;
      for (int i = 0; i < Math.min(recall.length, precision.length); i++) {
        area += (recall[i] - (i == 0 ? 0 : recall[i - 1])) * precision[i];
      }
      return new Curve(name, recall, precision, area);
    }

    /**
     * The corners of the steps drawn: from recall 0 at the first point's precision, then for each
     * point across to its recall and down (or up) to the next point's precision.
     *
     * @return {x values, y values}
     */
    double[][] steps() {
      int n = recall.length;
      double[] x = new double[2 * n];
      double[] y = new double[2 * n];
      for (int i = 0; i < n; i++) {
        x[2 * i] = i == 0 ? 0 : recall[i - 1];
        y[2 * i] = precision[i];
        x[2 * i + 1] = recall[i];
        y[2 * i + 1] = precision[i];
      }
      return new double[][] {x, y};
    }

    @Override
    public double[] recall() {
      return recall.clone();
    }

    @Override
    public double[] precision() {
      return precision.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Curve c && c.name.equals(name) && Arrays.equals(c.recall, recall)
          && Arrays.equals(c.precision, precision) && Double.compare(c.averagePrecision, averagePrecision) == 0;
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(precision);
    }

    @Override
    public String toString() {
      return "Curve[" + name + ", " + recall.length + " points, AP " + averagePrecision + "]";
    }
  }

  /** The curves under {@code title} (may be empty). */
  public BufferedImage render(String title, List<Curve> curves) {
    List<UnitSquareChart.Line> lines = new ArrayList<>();
    for (Curve curve : curves) {
      String ap = Double.isNaN(curve.averagePrecision()) ? "AP n/a"
          : String.format(Locale.ROOT, "AP %.3f", curve.averagePrecision());
      double[][] steps = curve.steps();
      lines.add(new UnitSquareChart.Line(curve.name().isEmpty() ? ap : curve.name() + "  (" + ap + ")",
          steps[0], steps[1]));
    }
    return chart().render(title, lines);
  }

  /**
   * How {@link #render} with this title maps values to pixels: {@link Axes#x} of a recall,
   * {@link Axes#y} of a precision, and the square plot area. For tests.
   */
  Axes axes(String title) {
    return chart().axes(title);
  }

  private UnitSquareChart chart() {
    return new UnitSquareChart(plotSize, "Recall (sensitivity)", "Precision", false,
        UnitSquareChart.LegendPlace.LEAST_COVERED);
  }
}
