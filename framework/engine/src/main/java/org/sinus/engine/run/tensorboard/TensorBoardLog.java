package org.sinus.engine.run.tensorboard;

import java.nio.file.Path;
import java.util.SortedSet;
import java.util.logging.Logger;
import org.sinus.engine.train.EpochRecord;
import org.sinus.engine.train.TrainerState;

/**
 * The per-epoch history of a run ({@code metrics.csv}) as TensorBoard scalars ({@link EpochScalars}),
 * in event files under the run's {@value #DIRECTORY}/ directory, one event per epoch at step = epoch,
 * written as each epoch ends. Each process that trains the run writes a file of its own, created with
 * its first epoch and begun, as TensorFlow begins its files, with a session start at that epoch.
 *
 * <p>A resumed run logs each epoch once. It logs the epochs of its checkpoint's history that the files
 * lack (the process may have died after the checkpoint and before the log, or while writing it), then
 * its new epochs. Epochs after the checkpoint are in the files only if the checkpoint they belonged to
 * is lost; those, and the damaged tail of a file, are cut from the earlier files ({@link OrphanedEvents}),
 * and a TensorBoard that already showed them drops them at the new file's session start.
 */
public final class TensorBoardLog implements AutoCloseable {
  /** The directory in the run that holds the event files: {@code tensorboard --logdir} it, or the runs' parent. */
  public static final String DIRECTORY = "tensorboard";
  private static final Logger LOG = Logger.getLogger(TensorBoardLog.class.getName());

  private final Path dir;
  private int nextEpoch;
  private EventFileWriter writer;

  private TensorBoardLog(Path dir, int nextEpoch) {
    this.dir = dir;
    this.nextEpoch = nextEpoch;
  }

  /**
   * Opens the log of the run in {@code runDir} for training from {@code start} (a new run's empty
   * state or a resumed checkpoint's), and logs the epochs of its history that the files lack.
   */
  public static TensorBoardLog open(Path runDir, TrainerState start) {
    Path dir = runDir.resolve(DIRECTORY);
    ScalarLog earlier = ScalarLog.read(dir);
    earlier.problems().forEach(problem -> LOG.warning("TensorBoard log: " + problem
        + "; the file is cut before it, and the epochs it lacks are logged again"));
    SortedSet<Long> logged = earlier.steps();
    int firstMissing = 1;
    while (firstMissing <= start.epoch() && logged.contains((long) firstMissing)) {
      firstMissing++;
    }
    if (!earlier.problems().isEmpty() || !logged.tailSet((long) firstMissing).isEmpty()) {
      OrphanedEvents.removeFrom(dir, firstMissing);
    }
    TensorBoardLog log = new TensorBoardLog(dir, firstMissing);
    log.log(start);
    return log;
  }

  /** Logs the epochs of {@code state}'s history that are not logged yet. */
  public void log(TrainerState state) {
    for (EpochRecord record : state.history()) {
      if (record.epoch() >= nextEpoch) {
        writer().scalars(record.epoch(), now(), EpochScalars.of(record));
        nextEpoch = record.epoch() + 1;
      }
    }
  }

  private EventFileWriter writer() {
    if (writer == null) {
      writer = EventFileWriter.create(dir, now());
      writer.sessionStart(nextEpoch, now());
    }
    return writer;
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
