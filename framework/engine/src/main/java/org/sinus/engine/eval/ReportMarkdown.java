package org.sinus.engine.eval;

import java.util.List;
import java.util.Locale;

/**
 * Writes an {@link EvaluationReport} as Markdown that also reads well on a terminal: headline lines such
 * as {@code macro AUC 0.8750 (95% CI 0.8369–0.9049)}, a per-class table, and notes on anything left out.
 * Undefined values show as {@code –} with the reason in the notes.
 */
public final class ReportMarkdown {
  private static final String NONE = "–";

  private ReportMarkdown() {}

  public static String render(EvaluationReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Evaluation: ").append(report.split()).append("\n\n");
    md.append("Task ").append(report.task()).append(" (").append(report.multiLabel() ? "multi-label" : "single-label")
        .append("), ").append(report.records()).append(" records, ").append(report.classes().size()).append(" classes.\n\n");
    for (Headline headline : report.headlines()) {
      md.append("- ").append(headlineLine(headline)).append('\n');
    }
    md.append('\n');
    md.append("Thresholds: ").append(report.thresholds().source()).append(".\n");
    BootstrapResult bootstrap = report.bootstrap();
    if (bootstrap == null) {
      md.append("Bootstrap: off (no confidence intervals).\n");
    } else {
      md.append("Bootstrap: ").append(bootstrap.settings().resamples()).append(" resamples of the ").append(report.records())
          .append(" records, seed ").append(bootstrap.settings().seed()).append(", ").append(bootstrap.rejected())
          .append(" rejected and redrawn for lacking a class's positives or negatives.\n");
    }
    md.append("\n## Per class\n\n");
    md.append("| class | positives | AUC | AP | F1 | threshold | accuracy | TP | FP | TN | FN |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ClassResult c : report.classes()) {
      ConfusionCounts n = c.counts();
      md.append("| ").append(c.name()).append(" | ").append(c.positives()).append(" | ").append(format(c.auc()))
          .append(" | ").append(format(c.averagePrecision())).append(" | ").append(format(c.f1()))
          .append(" | ").append(format(c.threshold())).append(" | ").append(format(c.accuracy()))
          .append(" | ").append(n.tp()).append(" | ").append(n.fp()).append(" | ").append(n.tn()).append(" | ").append(n.fn())
          .append(" |\n");
    }
    md.append("| macro | | ").append(format(report.macroAuc().value())).append(" | ")
        .append(format(report.macroAveragePrecision().value())).append(" | ").append(format(report.macroF1().value()))
        .append(" | | | | | | |\n");
    if (report.argmax() != null) {
      argmax(md, report);
    }
    List<String> notes = report.notes();
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }

  /** One headline as a line, e.g. {@code macro AUC 0.8750 (95% CI 0.8369–0.9049)}. */
  public static String headlineLine(Headline headline) {
    StringBuilder line = new StringBuilder(headline.label()).append(' ');
    if (!headline.value().isDefined()) {
      return line.append("undefined (").append(headline.value().undefinedReason()).append(')').toString();
    }
    line.append(format(headline.value().value()));
    ConfidenceInterval ci = headline.interval();
    if (ci != null) {
      line.append(" (").append(percent(ci.confidence())).append("% CI ").append(format(ci.lower())).append('–')
          .append(format(ci.upper())).append(')');
    }
    return line.toString();
  }

  private static void argmax(StringBuilder md, EvaluationReport report) {
    ArgmaxResult argmax = report.argmax();
    md.append("\n## Argmax predictions\n\n");
    md.append("Accuracy ").append(format(argmax.accuracy())).append(", macro F1 ").append(format(argmax.macroF1().value()))
        .append(". Confusion matrix (rows: true class, columns: predicted class):\n\n");
    md.append("| |");
    report.classes().forEach(c -> md.append(' ').append(c.name()).append(" |"));
    md.append("\n|---|");
    report.classes().forEach(c -> md.append("---:|"));
    md.append('\n');
    long[][] matrix = argmax.confusionMatrix();
    for (int t = 0; t < matrix.length; t++) {
      md.append("| ").append(report.classes().get(t).name()).append(" |");
      for (long count : matrix[t]) {
        md.append(' ').append(count).append(" |");
      }
      md.append('\n');
    }
  }

  /** A confidence level as reports write it: 0.95 is {@code 95}, 0.975 is {@code 97.5}. */
  public static String percent(double confidence) {
    double p = confidence * 100;
    return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
  }

  static String format(MetricValue value) {
    return value.isDefined() ? format(value.value()) : NONE;
  }

  /** A metric value as reports write it: four decimals, {@code –} when not finite. */
  public static String format(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : NONE;
  }
}
