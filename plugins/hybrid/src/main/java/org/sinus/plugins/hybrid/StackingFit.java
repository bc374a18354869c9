package org.sinus.plugins.hybrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.model.FusionData;
import org.sinus.api.model.FusionFit;

/**
 * Stacking: per class, a logistic regression on the branches' logits, fitted on the validation
 * records (each record's features: the logit of every branch's record probability, its windows
 * aggregated as the evaluation does) and applied, as the graph does, to every window. The
 * validation records are scored by meta-models fitted on the other folds only (cross-fitting);
 * the model keeps the meta-model fitted on all of them.
 *
 * @param l2 the penalty on the coefficients
 * @param folds folds of the cross-fitting
 */
record StackingFit(double l2, int folds) {
  FusionFit fit(FusionData data) {
    int parts = data.parts().size();
    int classes = data.classes().size();
    int[] fold = CrossFitting.folds(data.records(), folds, data.seed());
    float[] probabilities = new float[data.records() * classes];
    float[] coefficients = new float[parts * classes];
    float[] intercepts = new float[classes];
    Map<String, Object> byClass = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      for (int k = 0; k < folds; k++) {
        int[] scored = CrossFitting.members(fold, k, true);
        LogisticRegression meta = fitClass(data, CrossFitting.members(fold, k, false), c, notes);
        double[] scores = RecordScores.of(data, scored, c, applied(meta));
        for (int i = 0; i < scored.length; i++) {
          probabilities[scored[i] * classes + c] = (float) scores[i];
        }
      }
      LogisticRegression meta = fitClass(data, CrossFitting.all(data.records()), c, notes);
      Map<String, Double> named = new LinkedHashMap<>();
      for (int b = 0; b < parts; b++) {
        coefficients[b * classes + c] = (float) meta.coefficients()[b];
        named.put(data.parts().get(b), meta.coefficients()[b]);
      }
      intercepts[c] = (float) meta.intercept();
      named.put("intercept", meta.intercept());
      byClass.put(data.classes().get(c), named);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("fusion", "stacking");
    details.put("l2", l2);
    details.put("folds", folds);
    details.put("meta_models", byClass);
    if (!notes.isEmpty()) {
      details.put("notes", notes);
    }
    return new FusionFit(Map.of(LateFusion.COEFFICIENTS, coefficients, LateFusion.INTERCEPTS, intercepts),
        probabilities, details);
  }

  /** The meta-model of class {@code c} fitted on {@code records}; the equal average of logits without both kinds of labels. */
  private LogisticRegression fitClass(FusionData data, int[] records, int c, List<String> notes) {
    int parts = data.parts().size();
    boolean[] y = RecordScores.targets(data, records, c);
    boolean positive = false;
    boolean negative = false;
    for (boolean label : y) {
      positive |= label;
      negative |= !label;
    }
    if (!positive || !negative) {
      notes.add("class " + data.classes().get(c) + " has no " + (positive ? "negative" : "positive")
          + " among " + records.length + " fitting records: its meta-model averages the branches' logits");
      double[] equal = new double[parts];
      Arrays.fill(equal, 1.0 / parts);
      return new LogisticRegression(equal, 0);
    }
    double[][] x = new double[records.length][parts];
    for (int i = 0; i < records.length; i++) {
      for (int b = 0; b < parts; b++) {
        x[i][b] = logit(recordProbability(data, records[i], b, c));
      }
    }
    return LogisticRegression.fit(x, y, l2);
  }

  /** The meta-model on each window: the logits of the branches' window probabilities. */
  static RecordScores.WindowFusion applied(LogisticRegression meta) {
    return (data, r, w, c) -> {
      double[] x = new double[data.parts().size()];
      for (int b = 0; b < x.length; b++) {
        x[b] = logit(data.probability(r, w, b, c));
      }
      return meta.predict(x);
    };
  }

  /** Branch {@code b}'s probability of class {@code c} for record {@code r}, its windows aggregated. */
  private static double recordProbability(FusionData data, int r, int b, int c) {
    return RecordScores.of(data, new int[] {r}, c, (d, record, w, k) -> d.probability(record, w, b, k))[0];
  }

  /** ln(p / (1 − p)) of p kept in [ε, 1 − ε], as the graph computes it. */
  static double logit(double p) {
    double kept = Math.min(1 - LateFusion.EPSILON, Math.max(LateFusion.EPSILON, p));
    return Math.log(kept) - Math.log1p(-kept);
  }
}
