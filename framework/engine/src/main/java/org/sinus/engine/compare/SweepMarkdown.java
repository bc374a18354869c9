package org.sinus.engine.compare;

import static org.sinus.engine.eval.ReportMarkdown.format;

import java.util.List;
import org.sinus.engine.eval.BootstrapResult;
import org.sinus.engine.eval.ReportMarkdown;

/**
 * Writes a {@link SweepComparison} as Markdown, as {@link ComparisonMarkdown} writes a comparison of runs:
 * each grid point and seed on its pooled out-of-fold predictions, the points over their seeds (mean ± sd),
 * the paired differences from the baseline point, and notes.
 */
public final class SweepMarkdown {
  private SweepMarkdown() {}

  public static String render(SweepComparison sweep) {
    return render(sweep, null);
  }

  /**
   * The sweep as Markdown.
   *
   * @param plotFile the forest plot's file name ({@link SweepPlot}), relative to the Markdown file, or null for none
   */
  public static String render(SweepComparison sweep, String plotFile) {
    BootstrapResult bootstrap = sweep.bootstrap();
    String ci = ReportMarkdown.percent(bootstrap.settings().confidence()) + "% CI";
    String baseline = sweep.points().get(0).point();
    StringBuilder md = new StringBuilder();
    md.append("# Sweep ").append(sweep.directory().getFileName()).append(": ").append(sweep.points().size())
        .append(" grid points, ").append(sweep.split()).append("\n\n");
    md.append("Sweep directory: ").append(sweep.directory()).append(".\n");
    if (sweep.folds() > 1) {
      md.append(sweep.folds()).append("-fold cross-validation: each point and seed is scored on the pooled ")
          .append("out-of-fold ").append(sweep.split()).append(" predictions of its ").append(sweep.folds())
          .append(" folds, ");
    } else {
      md.append("Each point and seed is scored on its run's ").append(sweep.split()).append(" predictions, ");
    }
    md.append(sweep.records()).append(" records (the same for every point, matched by record id); ")
        .append(sweep.classes().size()).append(" classes: ").append(String.join(", ", sweep.classes())).append(".\n");
    md.append("Baseline point: ").append(baseline).append(".\n");
    md.append("Bootstrap: ").append(bootstrap.settings().resamples()).append(" resamples of the ")
        .append(sweep.folds() > 1 ? "pooled " : "").append("records, the same for every point (paired), seed ")
        .append(bootstrap.settings().seed()).append(", ").append(bootstrap.rejected())
        .append(" rejected and drawn again; intervals are ").append(ci).append(".\n");

    md.append("\n## ").append(sweep.folds() > 1 ? "Pooled out-of-fold metrics" : "Points").append("\n\n");
    md.append("| point | seed | folds | macro AUC (").append(ci).append(") | macro AP | macro F1 |\n")
        .append("|---|---|---:|---|---|---|\n");
    for (PooledResult pooled : sweep.pooled()) {
      md.append("| ").append(pooled.point()).append(pooled.point().equals(baseline) ? " (baseline)" : "").append(" | ")
          .append(pooled.seed()).append(" | ").append(pooled.folds()).append(" | ")
          .append(ComparisonMarkdown.estimate(pooled.macroAuc())).append(" | ")
          .append(ComparisonMarkdown.estimate(pooled.macroAp())).append(" | ")
          .append(ComparisonMarkdown.estimate(pooled.macroF1())).append(" |\n");
    }

    md.append("\n## Seeds\n\n");
    md.append("Each point's macro AUC over its seeds: the mean and sample standard deviation; the interval is that ")
        .append("of the mean over the seeds on each resample.\n\n");
    md.append("| point | seeds | macro AUC mean ± sd | ").append(ci).append(" of the mean |\n|---|---|---|---|\n");
    for (PointResult point : sweep.points()) {
      md.append("| ").append(point.point()).append(" | ").append(String.join(", ", point.seeds())).append(" | ")
          .append(format(point.meanAuc().value())).append(" ± ").append(format(point.sdAuc())).append(" | ")
          .append(ComparisonMarkdown.range(point.meanAuc().interval())).append(" |\n");
    }

    md.append("\n## Paired differences from the baseline point\n\n");
    md.append("Macro AUC of each point minus that of ").append(baseline).append(" with the same seed, both on the ")
        .append("same resamples of the same records; \"better in\" is the share of resamples in which the point's ")
        .append("macro AUC is higher.\n\n");
    if (sweep.differences().isEmpty()) {
      md.append("No other point has a seed of the baseline point.\n");
    } else {
      md.append("| point, seed | Δ macro AUC | ").append(ci).append(" | better in |\n|---|---:|---|---:|\n");
      for (PointDifference difference : sweep.differences()) {
        ComparisonMarkdown.differenceRow(md, difference.point() + ", seed " + difference.seed(), difference.macroAuc());
      }
    }
    if (!sweep.meanDifferences().isEmpty()) {
      md.append("\nMean macro AUC over the seeds of each point minus that of ").append(baseline)
          .append(", on each resample (paired):\n\n");
      md.append("| point | Δ mean macro AUC | ").append(ci).append(" | better in |\n|---|---:|---|---:|\n");
      for (GroupDifference difference : sweep.meanDifferences()) {
        ComparisonMarkdown.differenceRow(md, difference.group(), difference.meanAuc());
      }
    }
    if (plotFile != null) {
      md.append("\n![Pooled macro AUC of each point and seed and its paired difference from the baseline point](")
          .append(plotFile).append(")\n");
    }
    List<String> notes = sweep.notes();
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }
}
