package org.sinus.engine.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;

/**
 * The lock a process holds on a run directory while it trains or evaluates the run (an OS file
 * lock on {@code .lock}, released by the operating system when the process dies, even by
 * {@code kill -9}). A run whose status says "running" but whose lock is free was interrupted.
 */
final class RunLock implements AutoCloseable {
  static final String FILE = ".lock";
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or fails naming what holds it. */
  static RunLock acquire(RunDirectory run, String command) {
    return tryAcquire(run).orElseThrow(() -> new SinusException(ExitCode.RUN, run + " is in use by another sinus "
        + "process (its lock " + run.resolve(FILE) + " is held); wait for it to finish before sinus " + command));
  }

  /** The lock, if no other process holds it. */
  static Optional<RunLock> tryAcquire(RunDirectory run) {
    Path file = run.resolve(FILE);
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          channel.close();
          return Optional.empty();
        }
        return Optional.of(new RunLock(channel, lock));
      } catch (OverlappingFileLockException e) {
        channel.close();
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new SinusException(ExitCode.RUN, "cannot lock the run directory " + run + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process is ending or the channel is gone: the OS releases the lock either way
    }
  }
}
