package org.sinus.engine.eval;

/**
 * One of a report's summary numbers, with its bootstrap interval.
 *
 * @param key a stable identifier for scripts, e.g. {@code macro_auc}
 * @param label how reports name it, e.g. {@code macro AUC}
 * @param value the value on the whole split
 * @param interval the bootstrap confidence interval, or null when the bootstrap is off or the value undefined
 */
public record Headline(String key, String label, MetricValue value, ConfidenceInterval interval) {}
