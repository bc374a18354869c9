package org.sinus.engine.train.schedule;

import com.google.inject.AbstractModule;
import org.sinus.api.schedule.Schedule;

/** The framework's own learning-rate schedules, registered like any plugin's types. */
public final class BuiltInSchedules extends AbstractModule {
  @Override
  protected void configure() {
    var schedules = Schedule.POINT.bind(binder());
    schedules.addBinding(ConstantSchedule.TYPE).toInstance(ConstantSchedule.FACTORY);
    schedules.addBinding(OneCycleSchedule.TYPE).toInstance(OneCycleSchedule.FACTORY);
    schedules.addBinding(CosineSchedule.TYPE).toInstance(CosineSchedule.FACTORY);
    schedules.addBinding(StepSchedule.TYPE).toInstance(StepSchedule.FACTORY);
  }
}
