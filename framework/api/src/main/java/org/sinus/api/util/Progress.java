package org.sinus.api.util;

/** Reports the progress of a long task (a bar with ETA on a terminal, periodic lines in a log). */
public interface Progress {

  /** Starts a task of {@code total} units. */
  void start(String task, long total);

  /** {@code units} more done; safe to call from several threads. */
  void advance(long units);

  /** Sets a short status shown after the bar, e.g. the running loss. */
  default void status(String text) {}

  /** The task is finished. */
  void done();

  /** A progress that shows nothing (tests, quiet mode). */
  Progress NONE = new Progress() {
    @Override
    public void start(String task, long total) {}

    @Override
    public void advance(long units) {}

    @Override
    public void done() {}
  };
}
