package org.sinus.api.schedule;

import org.sinus.api.plugin.ExtensionPoint;

/**
 * Learning rate (and Adam's β1, for schedules that cycle momentum) as a function of the step. The
 * values are fed to the graph at every step, so a schedule never changes the graph.
 */
public interface Schedule {
  /** The {@code schedule} extension point. */
  ExtensionPoint<Schedule> POINT = ExtensionPoint.of("schedule", Schedule.class, "learning-rate schedules");

  /** Learning rate at {@code step} (0-based) of {@code totalSteps}, {@code stepsPerEpoch} per epoch. */
  double learningRate(long step, long totalSteps, int stepsPerEpoch);

  /** Adam's β1 at {@code step}; by default the optimizer's configured value. */
  default double beta1(long step, long totalSteps, double configured) {
    return configured;
  }

  /** Cosine interpolation from {@code start} (at fraction 0) to {@code end} (at fraction 1). */
  static double cosine(double start, double end, double fraction) {
    return end + (start - end) / 2 * (Math.cos(Math.PI * fraction) + 1);
  }
}
