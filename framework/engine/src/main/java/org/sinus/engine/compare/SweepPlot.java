package org.sinus.engine.compare;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sinus.engine.eval.ReportMarkdown;
import org.sinus.plot.ForestPlot;

/**
 * Draws a {@link SweepComparison} as a forest plot: a row per grid point and seed (its pooled macro AUC with
 * its interval, against a line at the baseline point's first seed) and, for a point with several seeds, a
 * row for the mean over them; beside it each row's paired difference from the baseline point (same seed,
 * or the means) against a line at 0.
 */
public final class SweepPlot {
  private SweepPlot() {}

  public static BufferedImage render(SweepComparison sweep) {
    List<ForestPlot.Row> rows = new ArrayList<>();
    List<ForestPlot.Interval> values = new ArrayList<>();
    List<ForestPlot.Interval> differences = new ArrayList<>();
    String baseline = sweep.points().get(0).point();
    for (PointResult point : sweep.points()) {
      for (PooledResult pooled : sweep.pooled()) {
        if (!pooled.point().equals(point.point())) {
          continue;
        }
        boolean isBaseline = point.point().equals(baseline);
        rows.add(new ForestPlot.Row(pooled.point() + (point.seeds().size() > 1 ? ", seed " + pooled.seed() : "")
            + (isBaseline ? " (baseline)" : ""), false));
        values.add(interval(pooled.macroAuc()));
        differences.add(isBaseline ? ForestPlot.Interval.NONE : sweep.differences().stream()
            .filter(d -> d.point().equals(pooled.point()) && d.seed().equals(pooled.seed())).findFirst()
            .map(d -> interval(d.macroAuc())).orElse(ForestPlot.Interval.NONE));
      }
      if (point.seeds().size() > 1) {
        rows.add(new ForestPlot.Row(point.point() + ", mean of " + point.seeds().size() + " seeds", true));
        values.add(interval(point.meanAuc()));
        differences.add(sweep.meanDifferences().stream().filter(d -> d.group().equals(point.point())).findFirst()
            .map(d -> interval(d.meanAuc())).orElse(ForestPlot.Interval.NONE));
      }
    }
    var bootstrap = sweep.bootstrap().settings();
    String title = (sweep.folds() > 1 ? "pooled out-of-fold " + sweep.split() + " predictions of " + sweep.folds()
        + " folds" : sweep.split()) + ", " + sweep.records() + " records: "
        + ReportMarkdown.percent(bootstrap.confidence()) + "% CI from " + bootstrap.resamples() + " paired resamples";
    return ForestPlot.standard().render(title, rows, List.of(
        new ForestPlot.Panel("Macro AUC (line: the baseline)", "macro AUC", sweep.pooled().get(0).macroAuc().value(),
            values),
        new ForestPlot.Panel("Paired difference from the baseline", "Δ macro AUC", 0, differences)));
  }

  private static ForestPlot.Interval interval(Estimate estimate) {
    return new ForestPlot.Interval(estimate.value(), estimate.interval().lower(), estimate.interval().upper());
  }

  private static ForestPlot.Interval interval(Difference difference) {
    return new ForestPlot.Interval(difference.value(), difference.interval().lower(), difference.interval().upper());
  }
}
