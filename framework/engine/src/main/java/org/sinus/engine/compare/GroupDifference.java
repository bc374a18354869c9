package org.sinus.engine.compare;

/**
 * The mean macro AUC over the seeds of a group minus that of the baseline's group, paired: on each
 * resample, the mean over the group's runs minus the mean over the baseline group's runs, all scored on
 * the same resampled records.
 *
 * @param group the group's label
 * @param baseline the label of the baseline's group (the baseline run's label if it has no other seed)
 * @param meanAuc the difference of the seed means of macro AUC
 */
public record GroupDifference(String group, String baseline, Difference meanAuc) {}
