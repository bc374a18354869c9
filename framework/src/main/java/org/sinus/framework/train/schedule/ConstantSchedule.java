package org.sinus.framework.train.schedule;

import org.sinus.framework.config.ComponentConfig;
import org.sinus.framework.train.Schedule;
import org.sinus.framework.train.ScheduleFactory;

/** The same learning rate at every step: {@code schedule { type = "constant", lr = 0.001 }}. */
public record ConstantSchedule(double lr) implements Schedule {
  public static final String TYPE = "constant";

  public static final ScheduleFactory FACTORY = new ScheduleFactory() {
    @Override
    public String description() {
      return "constant learning rate";
    }

    @Override
    public Schedule create(ComponentConfig config) {
      return new ConstantSchedule(config.getDouble("lr", 0, 10));
    }
  };

  @Override
  public double learningRate(long step, long totalSteps, int stepsPerEpoch) {
    return lr;
  }
}
