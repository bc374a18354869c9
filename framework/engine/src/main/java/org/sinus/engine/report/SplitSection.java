package org.sinus.engine.report;

import static org.sinus.engine.html.Html.escape;

import java.util.List;
import java.util.Locale;
import org.sinus.engine.eval.ArgmaxResult;
import org.sinus.engine.eval.ClassIntervals;
import org.sinus.engine.eval.ClassResult;
import org.sinus.engine.eval.ConfidenceInterval;
import org.sinus.engine.eval.ConfusionCounts;
import org.sinus.engine.eval.EvaluationReport;
import org.sinus.engine.eval.Evaluator;
import org.sinus.engine.eval.MetricValue;
import org.sinus.engine.eval.ReportMarkdown;
import org.sinus.engine.html.Html;
import org.sinus.engine.run.EvaluationPlots;

/**
 * The part of a run's report about one evaluated split: its ROC and precision–recall curves, a table of
 * every class with bootstrap intervals (AUC, AP, F1, sensitivity, specificity) and the macro averages,
 * each class's 2×2 confusion matrix at its decision threshold, the argmax confusion matrix of a
 * single-label task, and the evaluation's notes.
 */
final class SplitSection {
  static final String CSS = """
      .ci{display:block;font-size:.78em;color:#666;white-space:nowrap}
      .plots{display:flex;flex-wrap:wrap;gap:1em}
      .plots img{max-width:48%}
      .matrices{display:flex;flex-wrap:wrap;gap:1em}
      .matrices table{margin:0}
      .matrices caption{font-weight:bold;text-align:left;padding-bottom:.2em}
      td.tp,td.tn{background:#e8f4e8}td.fp,td.fn{background:#fbeaea}
      """;

  private SplitSection() {}

  static String html(SplitEvaluation evaluation) {
    EvaluationReport report = evaluation.report();
    String split = evaluation.split();
    StringBuilder html = new StringBuilder();
    html.append("<p>").append(report.records()).append(" records, task ").append(escape(report.task())).append(" (")
        .append(report.multiLabel() ? "multi-label" : "single-label").append("), ").append(report.classes().size())
        .append(" classes. Thresholds ").append(escape(report.thresholds().source())).append(". ")
        .append(escape(bootstrapSentence(evaluation))).append("</p>\n");
    html.append("<div class=\"plots\">\n")
        .append(Html.image("ROC curves of every class, " + split, EvaluationPlots.roc(evaluation.predictions())))
        .append(Html.image("precision-recall curves of every class, " + split,
            EvaluationPlots.precisionRecall(evaluation.predictions())))
        .append("</div>\n");
    html.append("<h3>Per class</h3>\n").append(classTable(evaluation));
    html.append("<h3>Confusion matrices at the decision thresholds</h3>\n").append(matrices(report));
    if (report.argmax() != null) {
      html.append(argmax(report));
    }
    if (!evaluation.notes().isEmpty()) {
      html.append("<ul class=\"notes\">\n");
      evaluation.notes().forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
      html.append("</ul>\n");
    }
    return html.toString();
  }

  private static String bootstrapSentence(SplitEvaluation evaluation) {
    ClassIntervals intervals = evaluation.intervals();
    if (intervals == null) {
      return "The evaluation ran without a bootstrap, so there are no confidence intervals.";
    }
    var settings = intervals.bootstrap().settings();
    return "Intervals: " + ReportMarkdown.percent(settings.confidence()) + "% percentile bootstrap, "
        + settings.resamples() + " resamples of the records (seed " + settings.seed() + "), the evaluation's own; "
        + intervals.bootstrap().rejected() + " rejected and drawn again for lacking a class's positives or negatives.";
  }

  private static String classTable(SplitEvaluation evaluation) {
    EvaluationReport report = evaluation.report();
    StringBuilder html = new StringBuilder("<table class=\"classes\">\n<tr><th>class</th><th class=\"num\">positives</th>"
        + "<th class=\"num\">AUC</th><th class=\"num\">AP</th><th class=\"num\">F1</th><th class=\"num\">sensitivity</th>"
        + "<th class=\"num\">specificity</th><th class=\"num\">precision</th><th class=\"num\">threshold</th></tr>\n");
    for (ClassResult c : report.classes()) {
      ConfusionCounts counts = c.counts();
      html.append("<tr class=\"class\" data-class=\"").append(escape(c.name())).append("\"><td>")
          .append(escape(c.name())).append("</td><td class=\"num\">").append(c.positives()).append(" of ")
          .append(c.positives() + c.negatives()).append("</td>")
          .append(cell(c.auc(), interval(evaluation, c, ClassIntervals.AUC)))
          .append(cell(c.averagePrecision(), interval(evaluation, c, ClassIntervals.AVERAGE_PRECISION)))
          .append(cell(c.f1(), interval(evaluation, c, ClassIntervals.F1)))
          .append(cell(counts.recall(), interval(evaluation, c, ClassIntervals.SENSITIVITY)))
          .append(cell(counts.specificity(), interval(evaluation, c, ClassIntervals.SPECIFICITY)))
          .append(cell(c.precision(), null))
          .append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.4g", c.threshold())).append("</td></tr>\n");
    }
    html.append("<tr class=\"macro\"><th>macro</th><td></td>")
        .append(cell(report.macroAuc().value(), report.headline(Evaluator.MACRO_AUC).interval()))
        .append(cell(report.macroAveragePrecision().value(), report.headline(Evaluator.MACRO_AP).interval()))
        .append(cell(report.macroF1().value(), report.headline(Evaluator.MACRO_F1).interval()))
        .append("<td></td><td></td><td></td><td></td></tr>\n</table>\n");
    return html.toString();
  }

  private static ConfidenceInterval interval(SplitEvaluation evaluation, ClassResult c, String metric) {
    return evaluation.intervals() == null ? null : evaluation.intervals().interval(c.name(), metric);
  }

  /** A value with its interval below it; {@code –} with the reason as a tooltip when undefined. */
  private static String cell(MetricValue value, ConfidenceInterval interval) {
    if (!value.isDefined()) {
      return "<td class=\"num\" title=\"" + escape(value.undefinedReason()) + "\">–</td>";
    }
    StringBuilder cell = new StringBuilder("<td class=\"num\">").append(ReportMarkdown.format(value.value()));
    if (interval != null && Double.isFinite(interval.lower())) {
      cell.append("<span class=\"ci\">").append(ReportMarkdown.format(interval.lower())).append("–")
          .append(ReportMarkdown.format(interval.upper())).append("</span>");
    }
    return cell.append("</td>").toString();
  }

  /** One 2×2 table per class: rows what the record has, columns what the model predicted at the threshold. */
  private static String matrices(EvaluationReport report) {
    StringBuilder html = new StringBuilder("<div class=\"matrices\">\n");
    for (ClassResult c : report.classes()) {
      ConfusionCounts n = c.counts();
      String name = escape(c.name());
      html.append("<table class=\"confusion\" data-class=\"").append(name).append("\">\n<caption>").append(name)
          .append(String.format(Locale.ROOT, " (score ≥ %.4g)", c.threshold())).append("</caption>\n")
          .append("<tr><th></th><th>predicted ").append(name).append("</th><th>predicted not</th></tr>\n")
          .append("<tr><th>has ").append(name).append("</th>").append(count("tp", n.tp())).append(count("fn", n.fn()))
          .append("</tr>\n<tr><th>has not</th>").append(count("fp", n.fp())).append(count("tn", n.tn()))
          .append("</tr>\n</table>\n");
    }
    return html.append("</div>\n").toString();
  }

  private static String count(String kind, long value) {
    return "<td class=\"num " + kind + "\">" + value + " <small>" + kind.toUpperCase(Locale.ROOT) + "</small></td>";
  }

  private static String argmax(EvaluationReport report) {
    ArgmaxResult argmax = report.argmax();
    List<ClassResult> classes = report.classes();
    StringBuilder html = new StringBuilder("<h3>Argmax predictions</h3>\n<p>Each record given its highest-scoring "
        + "class: accuracy ").append(ReportMarkdown.format(argmax.accuracy())).append(", macro F1 ")
        .append(argmax.macroF1().value().isDefined() ? ReportMarkdown.format(argmax.macroF1().value().value()) : "–")
        .append(". Rows: true class; columns: predicted class.</p>\n<table class=\"argmax\">\n<tr><th></th>");
    classes.forEach(c -> html.append("<th>").append(escape(c.name())).append("</th>"));
    html.append("</tr>\n");
    long[][] matrix = argmax.confusionMatrix();
    for (int t = 0; t < matrix.length; t++) {
      html.append("<tr><th>").append(escape(classes.get(t).name())).append("</th>");
      for (long count : matrix[t]) {
        html.append("<td class=\"num\">").append(count).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</table>\n").toString();
  }
}
