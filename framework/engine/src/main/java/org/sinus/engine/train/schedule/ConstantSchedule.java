package org.sinus.engine.train.schedule;

import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.schedule.Schedule;

/** The same learning rate at every step: {@code schedule { type = "constant", lr = 0.001 }}. */
public record ConstantSchedule(double lr) implements Schedule {
  public static final String TYPE = "constant";

  public static final ComponentFactory<Schedule> FACTORY = new ComponentFactory<>() {
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
