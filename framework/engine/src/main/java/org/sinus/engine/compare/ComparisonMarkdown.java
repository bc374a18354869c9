package org.sinus.engine.compare;

import static org.sinus.engine.eval.ReportMarkdown.format;

import java.util.List;
import java.util.Locale;
import org.sinus.engine.eval.BootstrapResult;
import org.sinus.engine.eval.ConfidenceInterval;
import org.sinus.engine.eval.ReportMarkdown;

/**
 * Writes a {@link Comparison} as Markdown: a table of the runs with intervals, the paired differences
 * from the baseline with the share of resamples in which each run is better, seed groups, per-class
 * AUC, and notes. Values are written as {@code sinus evaluate} writes them ({@link ReportMarkdown}).
 */
public final class ComparisonMarkdown {
  private ComparisonMarkdown() {}

  /**
   * The comparison as Markdown.
   *
   * @param plotFile the forest plot's file name, relative to the Markdown file, or null for none
   */
  public static String render(Comparison comparison, String plotFile) {
    BootstrapResult bootstrap = comparison.bootstrap();
    String ci = ReportMarkdown.percent(bootstrap.settings().confidence()) + "% CI";
    String baseline = comparison.baseline().label();
    StringBuilder md = new StringBuilder();
    md.append("# Comparison of ").append(comparison.runs().size()).append(" runs: ").append(comparison.split())
        .append("\n\n");
    md.append(comparison.records()).append(' ').append(comparison.split()).append(" records, the same in every run ")
        .append("(matched by record id); ").append(comparison.classes().size()).append(" classes: ")
        .append(String.join(", ", comparison.classes())).append(".\n");
    md.append("Baseline: ").append(baseline).append(".\n");
    md.append("Bootstrap: ").append(bootstrap.settings().resamples()).append(" resamples of the records, the same ")
        .append("for every run (paired), seed ").append(bootstrap.settings().seed()).append(", ")
        .append(bootstrap.rejected()).append(" rejected and drawn again; intervals are ").append(ci).append(".\n");

    md.append("\n## Runs\n\n");
    md.append("| run | experiment | seed | macro AUC (").append(ci).append(") | macro AP | macro F1 |\n");
    md.append("|---|---|---:|---|---|---|\n");
    for (RunResult run : comparison.runs()) {
      md.append("| ").append(run.label()).append(run == comparison.baseline() ? " (baseline)" : "").append(" | ")
          .append(run.experiment()).append(" | ").append(run.seed()).append(" | ").append(estimate(run.macroAuc()))
          .append(" | ").append(estimate(run.macroAp())).append(" | ").append(estimate(run.macroF1())).append(" |\n");
    }
    md.append("\nF1 is at each run's own decision thresholds (tuned on validation unless the notes say otherwise).\n");

    md.append("\n## Paired differences from the baseline\n\n");
    md.append("Macro AUC of each run minus that of ").append(baseline).append(", both on the same resamples; ")
        .append("\"better in\" is the share of resamples in which the run's macro AUC is higher.\n\n");
    md.append("| run | Δ macro AUC | ").append(ci).append(" | better in |\n|---|---:|---|---:|\n");
    for (RunDifference difference : comparison.differences()) {
      differenceRow(md, difference.run(), difference.macroAuc());
    }

    if (!comparison.groups().isEmpty()) {
      seedGroups(md, comparison, ci);
    }

    md.append("\n## Per-class AUC\n\n| class |");
    comparison.runs().forEach(run -> md.append(' ').append(run.label()).append(" |"));
    md.append("\n|---|");
    comparison.runs().forEach(run -> md.append("---|"));
    md.append('\n');
    for (String name : comparison.classes()) {
      md.append("| ").append(name).append(" |");
      comparison.runs().forEach(run -> md.append(' ').append(run.classAuc().containsKey(name)
          ? estimate(run.classAuc().get(name)) : "–").append(" |"));
      md.append('\n');
    }
    md.append("\n## Per-class AUC differences from the baseline (").append(ci).append(")\n\n| class |");
    comparison.differences().forEach(d -> md.append(' ').append(d.run()).append(" − ").append(baseline).append(" |"));
    md.append("\n|---|");
    comparison.differences().forEach(d -> md.append("---|"));
    md.append('\n');
    for (String name : comparison.classes()) {
      md.append("| ").append(name).append(" |");
      comparison.differences().forEach(d -> md.append(' ').append(d.classAuc().containsKey(name)
          ? signed(d.classAuc().get(name).value()) + " (" + signedRange(d.classAuc().get(name).interval()) + ")"
          : "–").append(" |"));
      md.append('\n');
    }

    if (plotFile != null) {
      md.append("\n![Macro AUC of each run and its paired difference from the baseline](").append(plotFile).append(")\n");
    }
    List<String> notes = comparison.notes();
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }

  private static void seedGroups(StringBuilder md, Comparison comparison, String ci) {
    md.append("\n## Seeds\n\n");
    md.append("Runs of one experiment whose settings differ only in their seed, pooled: the mean and sample standard ")
        .append("deviation of macro AUC over the seeds; the interval is that of the mean over the seeds on each ")
        .append("resample.\n\n");
    md.append("| experiment | runs | seeds | macro AUC mean ± sd | ").append(ci).append(" of the mean |\n");
    md.append("|---|---|---|---|---|\n");
    for (GroupResult group : comparison.groups()) {
      md.append("| ").append(group.label()).append(group.holdsBaseline() ? " (baseline)" : "").append(" | ")
          .append(String.join(", ", group.runs())).append(" | ")
          .append(String.join(", ", group.seeds().stream().map(String::valueOf).toList())).append(" | ")
          .append(format(group.meanAuc().value())).append(" ± ").append(format(group.sdAuc())).append(" | ")
          .append(range(group.meanAuc().interval())).append(" |\n");
    }
    if (!comparison.groupDifferences().isEmpty()) {
      md.append("\nMean macro AUC over the seeds of each experiment minus that of ")
          .append(comparison.groupDifferences().get(0).baseline()).append(", on each resample (paired):\n\n");
      md.append("| experiment | Δ mean macro AUC | ").append(ci).append(" | better in |\n|---|---:|---|---:|\n");
      for (GroupDifference difference : comparison.groupDifferences()) {
        differenceRow(md, difference.group(), difference.meanAuc());
      }
    }
  }

  static void differenceRow(StringBuilder md, String label, Difference difference) {
    md.append("| ").append(label).append(" | ").append(signed(difference.value())).append(" | ")
        .append(signedRange(difference.interval())).append(" | ").append(share(difference.shareBetter()));
    if (difference.shareTied() > 0) {
      md.append(" (tied in ").append(share(difference.shareTied())).append(')');
    }
    md.append(" |\n");
  }

  /** {@code 0.8750 (0.8369–0.9049)}. */
  static String estimate(Estimate estimate) {
    return format(estimate.value()) + " (" + range(estimate.interval()) + ")";
  }

  static String range(ConfidenceInterval interval) {
    return format(interval.lower()) + "–" + format(interval.upper());
  }

  /** {@code -0.0040 to +0.0290}: signed bounds, since an en dash between negative numbers misleads. */
  static String signedRange(ConfidenceInterval interval) {
    return signed(interval.lower()) + " to " + signed(interval.upper());
  }

  static String signed(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%+.4f", value) : format(value);
  }

  static String share(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "–";
  }
}
