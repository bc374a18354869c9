/**
 * Evaluation metrics for ECG classifiers: ROC AUC and average precision per class and macro-averaged,
 * F1 and confusion counts at per-class thresholds tuned on validation data, exact-match and argmax
 * accuracy, and percentile bootstrap confidence intervals.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * Predictions validation = Predictions.multiLabel("validation", labels, valProbabilities, valTargets);
 * Predictions test = Predictions.multiLabel("test", labels, testProbabilities, testTargets);
 * Thresholds thresholds = ThresholdTuner.tune(validation);        // never tuned on test
 * EvaluationReport report = new Evaluator(BootstrapSettings.defaults()).evaluate(test, thresholds);
 * Files.writeString(dir.resolve("test.md"), report.toMarkdown());
 * }</pre>
 *
 * <p>Computing and rendering are separate: {@link org.sinus.engine.eval.Evaluator} computes an
 * {@link org.sinus.engine.eval.EvaluationReport}, {@link org.sinus.engine.eval.ReportJson} and
 * {@link org.sinus.engine.eval.ReportMarkdown} only format it. Every metric that can be undefined
 * (a class without positive or without negative records) says so with a {@link
 * org.sinus.engine.eval.MetricValue} carrying the reason instead of a silent NaN, and macro averages
 * name the classes they left out.
 *
 * <p>All ranking metrics follow scikit-learn exactly, ties included ({@code roc_auc_score}, {@code
 * roc_curve(drop_intermediate=False)}, {@code average_precision_score}); the tests hold values computed
 * with scikit-learn 1.2.
 */
package org.sinus.engine.eval;
