/**
 * The {@code spark} engine of {@code sinus sweep}: a sweep's pending runs as one Spark job, a task per run,
 * each run trained by the ordinary run code on an executor; the driver records what comes back in
 * {@code sweep.json}. Spark itself is provided by {@code spark-submit} (or a test's class path).
 */
package org.sinus.spark;
