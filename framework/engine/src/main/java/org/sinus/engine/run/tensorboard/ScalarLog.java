package org.sinus.engine.run.tensorboard;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.SessionLog;
import org.tensorflow.proto.Summary;

/**
 * The scalars of a directory of TensorBoard event files as TensorBoard shows them: the files in the
 * order of their names, each read up to its end or its first damaged record, and every session start
 * after the first taken for a restart, which drops every scalar read before it at its step or later
 * (TensorBoard's {@code plugin_event_accumulator} with {@code purge_orphaned_data}, as it treats files
 * of version 2, which Sinus writes).
 */
public final class ScalarLog {
  /** One scalar value: {@code file} is the event file it was read from. */
  public record Scalar(String tag, long step, float value, double wallTime, Path file) {}

  private final List<Path> files;
  private final List<Scalar> scalars;
  private final List<String> problems;

  private ScalarLog(List<Path> files, List<Scalar> scalars, List<String> problems) {
    this.files = List.copyOf(files);
    this.scalars = List.copyOf(scalars);
    this.problems = List.copyOf(problems);
  }

  /** Reads the event files of {@code dir}; a directory that does not exist has none. */
  public static ScalarLog read(Path dir) {
    List<Path> files = eventFiles(dir);
    List<Scalar> scalars = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean sessionStarted = false;
    for (Path file : files) {
      TfRecords.Read read = TfRecords.read(file);
      for (byte[] record : read.records()) {
        Event event;
        try {
          event = Event.parseFrom(record);
        } catch (InvalidProtocolBufferException e) {
          problems.add(file + ": a record is not an Event: " + e.getMessage());
          break;
        }
        if (event.hasSessionLog() && event.getSessionLog().getStatus() == SessionLog.SessionStatus.START) {
          if (sessionStarted) {
            scalars.removeIf(scalar -> scalar.step() >= event.getStep());
          }
          sessionStarted = true;
        }
        for (Summary.Value value : event.getSummary().getValueList()) {
          if (value.hasSimpleValue()) {
            scalars.add(new Scalar(value.getTag(), event.getStep(), value.getSimpleValue(), event.getWallTime(), file));
          }
        }
      }
      read.problem().ifPresent(problems::add);
    }
    return new ScalarLog(files, scalars, problems);
  }

  /** The event files read, in the order read. */
  public List<Path> files() {
    return files;
  }

  /** Every scalar that TensorBoard keeps, in the order written. */
  public List<Scalar> scalars() {
    return scalars;
  }

  /** Where a file's reading stopped before its end, and why. */
  public List<String> problems() {
    return problems;
  }

  /** The steps at which any scalar was written. */
  public SortedSet<Long> steps() {
    SortedSet<Long> steps = new TreeSet<>();
    scalars.forEach(scalar -> steps.add(scalar.step()));
    return steps;
  }

  /**
   * The values of one tag by step.
   *
   * @throws IllegalStateException if a step holds two values of the tag
   */
  public SortedMap<Long, Float> series(String tag) {
    SortedMap<Long, Float> series = new TreeMap<>();
    for (Scalar scalar : scalars) {
      if (scalar.tag().equals(tag) && series.put(scalar.step(), scalar.value()) != null) {
        throw new IllegalStateException("step " + scalar.step() + " holds " + tag + " more than once (again in "
            + scalar.file() + ")");
      }
    }
    return series;
  }

  /** The event files of {@code dir} in the order TensorBoard reads them, the order of their names. */
  static List<Path> eventFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(EventFileWriter::isEventFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
