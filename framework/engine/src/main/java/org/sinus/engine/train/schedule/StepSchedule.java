package org.sinus.engine.train.schedule;

import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.schedule.Schedule;

/** Multiplies the learning rate by {@code gamma} every {@code step-epochs} epochs. */
public record StepSchedule(double lr, double gamma, int stepEpochs) implements Schedule {
  public static final String TYPE = "step";

  public static final ComponentFactory<Schedule> FACTORY = new ComponentFactory<>() {
    @Override
    public String description() {
      return "step decay: lr × gamma every step-epochs epochs";
    }

    @Override
    public Schedule create(ComponentConfig config) {
      return new StepSchedule(config.getDouble("lr", 0, 10), config.getDouble("gamma", 0, 1),
          config.getInt("step-epochs", 1, 1_000_000));
    }
  };

  @Override
  public double learningRate(long step, long totalSteps, int stepsPerEpoch) {
    long epoch = step / Math.max(1, stepsPerEpoch);
    return lr * Math.pow(gamma, epoch / stepEpochs);
  }
}
