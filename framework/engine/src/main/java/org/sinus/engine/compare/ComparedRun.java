package org.sinus.engine.compare;

import java.nio.file.Path;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.Thresholds;

/**
 * One run as a comparison uses it, its records matched to the baseline's.
 *
 * @param label how reports name the run (its directory's name, or its path where names repeat)
 * @param directory the run directory
 * @param experiment what the run is a run of, to pool seeds of one experiment
 * @param predictions its predictions of the compared split, in the baseline's record order
 * @param thresholds its own decision thresholds (tuned on validation), for F1
 */
public record ComparedRun(String label, Path directory, RunExperiment experiment, Predictions predictions,
                          Thresholds thresholds) {}
