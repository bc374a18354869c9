package org.sinus.engine.train.schedule;

import java.util.List;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.schedule.Schedule;

/**
 * The one-cycle policy as fastai v1's {@code fit_one_cycle} steps it (Smith 2018), the schedule of
 * the PTB-XL benchmark: over the first {@code pct-start} of the steps the learning rate rises on a
 * cosine from {@code max-lr / div-factor} to {@code max-lr} while β1 falls from {@code moms[0]} to
 * {@code moms[1]}; then the rate falls on a cosine to {@code max-lr / (div-factor × final-div-factor)}
 * while β1 rises back.
 */
public record OneCycleSchedule(double maxLr, double pctStart, double divFactor, double finalDivFactor,
                               double momentumHigh, double momentumLow, boolean cycleMomentum) implements Schedule {
  public static final String TYPE = "one-cycle";

  public static final ComponentFactory<Schedule> FACTORY = new ComponentFactory<>() {
    @Override
    public String description() {
      return "one-cycle: cosine warm-up to max-lr, then cosine annealing (fastai v1 fit_one_cycle)";
    }

    @Override
    public Schedule create(ComponentConfig config) {
      var moms = config.getDoubleList("moms", 0, 0.9999);
      if (moms.size() != 2) {
        config.problem("moms", "needs two values [high, low], e.g. [0.95, 0.85]");
        moms = List.of(0.95, 0.85);
      }
      return new OneCycleSchedule(
          config.getDouble("max-lr", 0, 10),
          config.getDouble("pct-start", 0, 1),
          config.getDouble("div-factor", 1, 1e9),
          config.getDouble("final-div-factor", 1, 1e12),
          moms.get(0), moms.get(1),
          config.getBoolean("cycle-momentum"));
    }
  };

  @Override
  public double learningRate(long step, long totalSteps, int stepsPerEpoch) {
    long warmup = warmupSteps(totalSteps);
    double low = maxLr / divFactor;
    if (step < warmup) {
      return Schedule.cosine(low, maxLr, step / (double) warmup);
    }
    double end = low / finalDivFactor;
    return Schedule.cosine(maxLr, end, (step - warmup) / (double) Math.max(1, totalSteps - warmup));
  }

  @Override
  public double beta1(long step, long totalSteps, double configured) {
    if (!cycleMomentum) {
      return configured;
    }
    long warmup = warmupSteps(totalSteps);
    if (step < warmup) {
      return Schedule.cosine(momentumHigh, momentumLow, step / (double) warmup);
    }
    return Schedule.cosine(momentumLow, momentumHigh, (step - warmup) / (double) Math.max(1, totalSteps - warmup));
  }

  private long warmupSteps(long totalSteps) {
    return Math.max(1, (long) (pctStart * totalSteps));
  }
}
