package org.sinus.framework.train;

import org.sinus.framework.plugin.ComponentFactory;

/** Builds a learning-rate {@link Schedule}; bound by name with {@code Extensions.schedules}. */
public interface ScheduleFactory extends ComponentFactory<Schedule> {}
