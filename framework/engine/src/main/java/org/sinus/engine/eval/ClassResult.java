package org.sinus.engine.eval;

/**
 * Everything the evaluation measured for one class of one split.
 *
 * @param name the class name
 * @param positives records that have the class
 * @param negatives records that do not
 * @param auc ROC AUC (undefined when the class is one-sided in the split)
 * @param averagePrecision average precision (undefined without positives)
 * @param threshold the decision threshold applied (score ≥ threshold predicts the class)
 * @param counts TP/FP/TN/FN at the threshold
 */
public record ClassResult(String name, int positives, int negatives, MetricValue auc, MetricValue averagePrecision,
    double threshold, ConfusionCounts counts) {
  public MetricValue precision() {
    return counts.precision();
  }

  public MetricValue recall() {
    return counts.recall();
  }

  public MetricValue f1() {
    return counts.f1();
  }

  /** Share of records whose yes/no for this class is right at the threshold. */
  public double accuracy() {
    return counts.accuracy();
  }
}
