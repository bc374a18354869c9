package org.sinus.engine.run;

import java.io.IOException;
import java.util.Optional;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.util.OsFileLock;

/**
 * The lock a process holds on a run directory while it trains or evaluates the run (an OS file
 * lock on {@code .lock}, released by the operating system when the process dies, even by
 * {@code kill -9}). A run whose status says "running" but whose lock is free was interrupted.
 */
final class RunLock implements AutoCloseable {
  static final String FILE = ".lock";
  private final OsFileLock lock;

  private RunLock(OsFileLock lock) {
    this.lock = lock;
  }

  /** Takes the lock, or fails naming what holds it. */
  static RunLock acquire(RunDirectory run, String command) {
    return tryAcquire(run).orElseThrow(() -> new SinusException(ExitCode.RUN, run + " is in use by another sinus "
        + "process (its lock " + run.resolve(FILE) + " is held); wait for it to finish before sinus " + command));
  }

  /** The lock, if no other process holds it. */
  static Optional<RunLock> tryAcquire(RunDirectory run) {
    try {
      return OsFileLock.tryAcquire(run.resolve(FILE)).map(RunLock::new);
    } catch (IOException e) {
      throw new SinusException(ExitCode.RUN, "cannot lock the run directory " + run + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    lock.close();
  }
}
