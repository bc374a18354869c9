package org.sinus.api.schedule;

import org.sinus.api.plugin.ComponentFactory;

/** Builds a learning-rate {@link Schedule}; bound by name with {@code Extensions.schedules}. */
public interface ScheduleFactory extends ComponentFactory<Schedule> {}
