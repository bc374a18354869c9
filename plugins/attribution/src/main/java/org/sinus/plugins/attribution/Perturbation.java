package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;

/**
 * What the perturbation explainers share for one target: its features, the replacement of absent
 * ones, and the model's output of coalitions.
 *
 * @param features the features over the explained span
 * @param absence what absent features become, as drawn for this target
 * @param scorer the output of coalitions
 */
record Perturbation(Features features, Absence.Drawn absence, CoalitionScorer scorer) {

  /** The features of {@code choice} over the target's span, absent ones replaced as {@code absence} says. */
  static Perturbation of(ExplainerContext context, ExplainTarget target, FeatureChoice choice, Absence absence) {
    return of(context, target, choice.over(Span.of(target, context.scoring().windowSamples()), context.format()),
        absence);
  }

  static Perturbation of(ExplainerContext context, ExplainTarget target, Features features, Absence absence) {
    Absence.Drawn drawn = absence.draw(context, target.seed());
    return new Perturbation(features, drawn, new CoalitionScorer(context, target, features, drawn.signals()));
  }

  /** What every perturbation explanation says: what absent features become and what output is explained. */
  List<String> notes(ExplainerContext context, ExplainTarget target) {
    List<String> notes = new ArrayList<>();
    notes.add(absence.description());
    notes.add(target.windows() == 1 ? "the explained output is the window's probability of the class"
        : "the explained output is the record's score: the probabilities of its " + target.windows() + " windows "
            + "combined by their " + context.scoring().aggregate().name().toLowerCase(Locale.ROOT)
            + ", as the evaluation scores a record");
    return notes;
  }

  /**
   * The explanation of one value per feature (a Shapley value, a coefficient): each spread evenly
   * over the feature's samples × leads, and every feature's value listed in the details.
   *
   * @param valueName what a value is, for the notes
   */
  Explanation ofFeatureValues(ExplainerContext context, ExplainTarget target, String method, String valueName,
                              double[] values, List<String> notes, Map<String, Object> details) {
    notes.add("each feature's " + valueName + " is spread evenly over its samples × leads, so the signal's relevance "
        + "over a feature sums to its " + valueName);
    details.put("attributions", features.report(values, context.format()));
    float[] signal = features.spread(values, context.format().samples());
    return RelevanceMaps.ofSignal(context, target, method, scorer.original(), signal, notes, details);
  }

  /** Details every perturbation explanation has, once the coalitions are scored; the explainer adds its own. */
  Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("features", features.count());
    details.put("replacements", absence.signals().length);
    details.put("f_x", scorer.original());
    details.put("model_windows", scorer.modelWindows());
    return details;
  }
}
