package org.sinus.engine.sweep;

import java.util.List;
import org.sinus.engine.config.Experiment;

/**
 * One run of a sweep, validated: a point (and fold) with its loaded experiment and its hash.
 *
 * @param id the {@link ExperimentHash} of the resolved experiment
 * @param label the point's overrides and fold, for people
 * @param settings the overrides that make this run (the point's and the fold's), without machine-local ones
 * @param experiment the loaded experiment, machine-local settings of the engine included
 */
public record PlannedRun(String id, String label, List<String> settings, Experiment experiment) {
  public PlannedRun {
    settings = List.copyOf(settings);
  }
}
