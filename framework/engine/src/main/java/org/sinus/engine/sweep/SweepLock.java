package org.sinus.engine.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;

/**
 * The lock a sweep holds on its directory while it runs (an OS file lock on {@code .lock}, released when
 * the process dies, even by {@code kill -9}), so that two invocations never run the same sweep at once and
 * a killed sweep can be started again at once.
 */
final class SweepLock implements AutoCloseable {
  static final String FILE = ".lock";
  private final FileChannel channel;
  private final FileLock lock;

  private SweepLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of the sweep directory (creating it), or fails saying that another process runs the sweep. */
  static SweepLock acquire(Path directory) {
    Path file = directory.resolve(FILE);
    try {
      Files.createDirectories(directory);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new SinusException(ExitCode.RUN, "the sweep " + directory + " is being run by another sinus process "
            + "(its lock " + file + " is held); wait for it to finish");
      }
      return new SweepLock(channel, lock);
    } catch (IOException e) {
      throw new SinusException(ExitCode.RUN, "cannot lock the sweep directory " + directory + ": " + e.getMessage(), e);
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
