package org.sinus.engine.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive OS lock on a file (created if missing), which the operating system releases when
 * the process dies, even by {@code kill -9}: what tells a directory in use by a live process from
 * one that a killed process left behind.
 */
public final class OsFileLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private OsFileLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock on {@code file}, if no process (this one included) holds it. */
  public static Optional<OsFileLock> tryAcquire(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new OsFileLock(channel, lock));
    } catch (OverlappingFileLockException e) {
      channel.close();
      return Optional.empty();
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
