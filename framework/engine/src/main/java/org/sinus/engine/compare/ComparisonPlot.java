package org.sinus.engine.compare;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sinus.engine.eval.ConfidenceInterval;
import org.sinus.engine.eval.ReportMarkdown;
import org.sinus.plot.ForestPlot;

/**
 * Draws a {@link Comparison} as a forest plot: a row per run and per seed group, macro AUC with its
 * interval against a line at the baseline's value, and beside it the paired difference from the baseline
 * against a line at 0.
 */
public final class ComparisonPlot {
  private ComparisonPlot() {}

  public static BufferedImage render(Comparison comparison) {
    List<ForestPlot.Row> rows = new ArrayList<>();
    List<ForestPlot.Interval> values = new ArrayList<>();
    List<ForestPlot.Interval> differences = new ArrayList<>();
    for (RunResult run : comparison.runs()) {
      boolean baseline = run == comparison.baseline();
      rows.add(new ForestPlot.Row(run.label() + (baseline ? " (baseline)" : ""), false));
      values.add(interval(run.macroAuc().value(), run.macroAuc().interval()));
      differences.add(baseline ? ForestPlot.Interval.NONE : difference(comparison.difference(run.label()).macroAuc()));
    }
    for (GroupResult group : comparison.groups()) {
      rows.add(new ForestPlot.Row(group.label() + ", mean of " + group.runs().size() + " seeds", true));
      values.add(interval(group.meanAuc().value(), group.meanAuc().interval()));
      differences.add(comparison.groupDifferences().stream().filter(d -> d.group().equals(group.label())).findFirst()
          .map(d -> difference(d.meanAuc())).orElse(ForestPlot.Interval.NONE));
    }
    String baseline = comparison.baseline().label();
    var bootstrap = comparison.bootstrap().settings();
    String title = comparison.split() + ", " + comparison.records() + " records: "
        + ReportMarkdown.percent(bootstrap.confidence()) + "% CI from " + bootstrap.resamples() + " paired resamples";
    return ForestPlot.standard().render(title, rows, List.of(
        new ForestPlot.Panel("Macro AUC (line: " + baseline + ")", "macro AUC", comparison.baseline().macroAuc().value(),
            values),
        new ForestPlot.Panel("Paired difference from " + baseline, "Δ macro AUC", 0, differences)));
  }

  private static ForestPlot.Interval difference(Difference difference) {
    return interval(difference.value(), difference.interval());
  }

  private static ForestPlot.Interval interval(double value, ConfidenceInterval interval) {
    return new ForestPlot.Interval(value, interval.lower(), interval.upper());
  }
}
