/**
 * A run's {@code report.html} ({@link org.sinus.engine.report.RunReport}): the run directory in one
 * self-contained page, built from its files alone, so that {@code sinus report} can build it again for any
 * run, finished, failed or killed. The evaluated splits are scored again from their predictions files at
 * the run's thresholds, with the bootstrap settings the evaluation recorded, which gives the evaluation's
 * own numbers and, on the same resamples, intervals for every class.
 *
 * <pre>{@code
 * Path html = RunReport.write(runDirectory);   // <run>/report.html, written atomically
 * }</pre>
 */
package org.sinus.engine.report;
