package org.sinus.engine.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.util.OsFileLock;

/**
 * The lock a sweep holds on its directory while it runs (an OS file lock on {@code .lock}, released when
 * the process dies, even by {@code kill -9}), so that two invocations never run the same sweep at once and
 * a killed sweep can be started again at once.
 */
final class SweepLock implements AutoCloseable {
  static final String FILE = ".lock";
  private final OsFileLock lock;

  private SweepLock(OsFileLock lock) {
    this.lock = lock;
  }

  /** Takes the lock of the sweep directory (creating it), or fails saying that another process runs the sweep. */
  static SweepLock acquire(Path directory) {
    Path file = directory.resolve(FILE);
    try {
      Files.createDirectories(directory);
      return OsFileLock.tryAcquire(file).map(SweepLock::new).orElseThrow(() -> new SinusException(ExitCode.RUN,
          "the sweep " + directory + " is being run by another sinus process (its lock " + file + " is held); wait "
              + "for it to finish"));
    } catch (IOException e) {
      throw new SinusException(ExitCode.RUN, "cannot lock the sweep directory " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    lock.close();
  }
}
