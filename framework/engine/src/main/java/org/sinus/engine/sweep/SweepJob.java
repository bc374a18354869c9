package org.sinus.engine.sweep;

import java.util.List;

/**
 * The runs of one invocation of a sweep that an engine is to run: those {@code sweep.json} does not list as
 * completed.
 *
 * @param sweep the sweep
 * @param state its {@code sweep.json}
 * @param pending the runs to run, with the entry each had when the sweep started
 * @param attempts runs one of them (with retries) in this process
 */
public record SweepJob(SweepFile sweep, SweepState state, List<Pending> pending, RunAttempts attempts) {
  public SweepJob {
    pending = List.copyOf(pending);
  }

  /**
   * A run to run.
   *
   * @param run the planned run
   * @param entry its entry in {@code sweep.json} before this invocation
   */
  public record Pending(PlannedRun run, SweepState.Entry entry) {}

  /** Records what became of a run (an engine that runs elsewhere calls it with what came back). */
  public SweepState.Entry record(SweepState.Entry entry) {
    return state.update(entry);
  }
}
