package org.sinus.engine.train.schedule;

import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.schedule.Schedule;

/**
 * Linear warm-up over {@code warmup-epochs}, then cosine annealing from {@code lr} to
 * {@code min-lr} (Loshchilov &amp; Hutter 2017, without restarts).
 */
public record CosineSchedule(double lr, double minLr, double warmupEpochs) implements Schedule {
  public static final String TYPE = "cosine";

  public static final ComponentFactory<Schedule> FACTORY = new ComponentFactory<>() {
    @Override
    public String description() {
      return "linear warm-up, then cosine annealing to min-lr";
    }

    @Override
    public Schedule create(ComponentConfig config) {
      return new CosineSchedule(config.getDouble("lr", 0, 10), config.getDouble("min-lr", 0, 10),
          config.getDouble("warmup-epochs", 0, 1e6));
    }
  };

  @Override
  public double learningRate(long step, long totalSteps, int stepsPerEpoch) {
    long warmup = Math.min(totalSteps, Math.round(warmupEpochs * stepsPerEpoch));
    if (step < warmup) {
      return lr * (step + 1) / warmup;
    }
    return Schedule.cosine(lr, minLr, (step - warmup) / (double) Math.max(1, totalSteps - warmup));
  }
}
