/**
 * Comparing finished runs from the predictions their evaluations wrote ({@code
 * evaluation/predictions-<split>.csv} and {@code thresholds.json}), without running a model: each run's
 * metrics with bootstrap intervals, paired differences from a baseline, and runs of one experiment
 * pooled over seeds. This is what {@code sinus compare} calls.
 *
 * <p>Records are matched by id ({@code MatchedRecords}), so that one bootstrap resample of record indices
 * resamples every run alike; the resampling, the rejection of resamples that lose a class's positives or
 * negatives, and the percentile intervals are the engine's own {@link org.sinus.engine.eval.Bootstrap}.
 * On the same resamples, a run's metric minus the baseline's is a paired difference; its interval is
 * narrower than that of two independent bootstraps when the runs err on the same records, as runs of one
 * data set do.
 *
 * <p>A sweep directory is aggregated by {@link org.sinus.engine.compare.SweepAggregation}: its runs grouped
 * by grid point from {@code sweep.json} ({@link org.sinus.engine.compare.SweepRuns}), each point and seed
 * scored on the pooled out-of-fold predictions of its cross-validation folds, on the same paired resamples.
 *
 * <pre>{@code
 * List<ComparedRun> runs = ComparedRuns.load(directories, null, "test", registry);   // the first is the baseline
 * Comparison comparison = RunComparison.compare("test", runs, BootstrapSettings.defaults());
 * List<Path> written = ComparisonFiles.write(comparison, out);   // comparison.md, .json, forest.png, report.html
 * }</pre>
 */
package org.sinus.engine.compare;
