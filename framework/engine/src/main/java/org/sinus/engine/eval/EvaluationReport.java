package org.sinus.engine.eval;

import java.util.List;

/**
 * The evaluation of one split: per-class results, macro averages, accuracies, headline numbers with
 * bootstrap intervals, and notes on anything left out. Computed by {@link Evaluator}; written by
 * {@link #toJson()} and {@link #toMarkdown()}.
 *
 * @param split the split's name
 * @param task the labelling task
 * @param multiLabel whether records may have several classes
 * @param records the number of records evaluated
 * @param classes per-class results, in class order
 * @param macroAuc mean AUC over the classes that have one
 * @param macroAveragePrecision mean AP over the classes with positives
 * @param macroF1 mean F1 at the thresholds
 * @param exactMatch share of records with every label right at the thresholds (subset accuracy)
 * @param argmax argmax results for a single-label task, null for a multi-label one
 * @param thresholds the thresholds applied, with where they came from
 * @param headlines the summary numbers, with intervals when the bootstrap ran
 * @param bootstrap the bootstrap run, or null when it was off
 * @param notes sentences about classes left out of averages, untunable thresholds, rejected resamples
 */
public record EvaluationReport(String split, String task, boolean multiLabel, int records, List<ClassResult> classes,
    MacroAverage macroAuc, MacroAverage macroAveragePrecision, MacroAverage macroF1, double exactMatch,
    ArgmaxResult argmax, Thresholds thresholds, List<Headline> headlines, BootstrapResult bootstrap, List<String> notes) {
  public EvaluationReport {
    classes = List.copyOf(classes);
    headlines = List.copyOf(headlines);
    notes = List.copyOf(notes);
  }

  /** The headline with this key, e.g. {@code macro_auc}. */
  public Headline headline(String key) {
    return headlines.stream().filter(h -> h.key().equals(key)).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "no headline '" + key + "'; have " + headlines.stream().map(Headline::key).toList()));
  }

  /** The result of the class with this name. */
  public ClassResult classResult(String name) {
    return classes.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "no class '" + name + "'; have " + classes.stream().map(ClassResult::name).toList()));
  }

  /** The report as indented JSON (see {@link ReportJson}). */
  public String toJson() {
    return ReportJson.render(this);
  }

  /** The report as Markdown tables (see {@link ReportMarkdown}). */
  public String toMarkdown() {
    return ReportMarkdown.render(this);
  }
}
