package org.sinus.engine.run.tensorboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.SessionLog;
import org.tensorflow.proto.Summary;

/**
 * One TensorBoard event file, {@code events.out.tfevents.<unix seconds>.<host>.sinus}: a
 * {@code file_version} event ({@value #FILE_VERSION}), then the events written to it, each a
 * {@link TfRecords TFRecord} of a serialized {@link Event}. Every event reaches the file (the
 * operating system) before {@link #write} returns, so a TensorBoard watching the directory sees it;
 * the file only grows, as TensorBoard expects of the file it follows.
 */
public final class EventFileWriter implements AutoCloseable {
  static final String FILE_VERSION = "brain.Event:2";
  /** What TensorBoard looks for in a file name. */
  static final String MARKER = "tfevents";
  private static final String PREFIX = "events.out." + MARKER + ".";

  private final Path path;
  private final FileChannel channel;

  private EventFileWriter(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Creates a new event file in {@code dir} (created if needed). TensorBoard reads the files of a
   * directory in the order of their names, so the name's seconds are those of {@code wallTime}, or one
   * more than those of the latest file already there when that is not earlier.
   */
  public static EventFileWriter create(Path dir, double wallTime) {
    try {
      Files.createDirectories(dir);
      long seconds = Math.max((long) wallTime, latestSeconds(dir) + 1);
      Path path = dir.resolve(PREFIX + String.format("%010d", seconds) + "." + host() + ".sinus");
      FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      EventFileWriter writer = new EventFileWriter(path, channel);
      writer.write(Event.newBuilder().setWallTime(wallTime).setFileVersion(FILE_VERSION).build());
      return writer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a TensorBoard event file in " + dir + ": " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  /** Writes scalars at a step, as one event. */
  public void scalars(long step, double wallTime, Map<String, Double> values) {
    Summary.Builder summary = Summary.newBuilder();
    values.forEach((tag, value) -> summary.addValue(
        Summary.Value.newBuilder().setTag(tag).setSimpleValue(value.floatValue())));
    write(Event.newBuilder().setWallTime(wallTime).setStep(step).setSummary(summary).build());
  }

  /**
   * Writes that a session starts at {@code step}, as TensorFlow's writers begin a file. TensorBoard
   * takes every such event after its first for a restart, and drops what earlier events hold at that
   * step and later: a TensorBoard that showed epochs of a killed process forgets them when the resumed
   * process writes them anew.
   */
  public void sessionStart(long step, double wallTime) {
    write(Event.newBuilder().setWallTime(wallTime).setStep(step)
        .setSessionLog(SessionLog.newBuilder().setStatus(SessionLog.SessionStatus.START)).build());
  }

  void write(Event event) {
    ByteBuffer record = ByteBuffer.wrap(TfRecords.frame(event.toByteArray()));
    try {
      while (record.hasRemaining()) {
        channel.write(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
    }
  }

  /** Whether TensorBoard takes {@code file} for an event file. */
  static boolean isEventFile(Path file) {
    return file.getFileName().toString().contains(MARKER) && Files.isRegularFile(file);
  }

  /** The seconds in the name of the latest event file of {@code dir} that this writer named, or 0. */
  private static long latestSeconds(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith(PREFIX) && name.length() >= PREFIX.length() + 10)
          .map(name -> name.substring(PREFIX.length(), PREFIX.length() + 10))
          .filter(digits -> digits.chars().allMatch(Character::isDigit))
          .mapToLong(Long::parseLong).max().orElse(0);
    }
  }

  /** The machine's name as file names allow it, as TensorFlow's writers put it in theirs. */
  private static String host() {
    String name = System.getenv("HOSTNAME");
    if (name == null || name.isBlank()) {
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        name = "localhost";
      }
    }
    return name.replaceAll("[^A-Za-z0-9.-]", "_");
  }
}
