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
 * its first event.
 *
 * <p>A resumed run logs each epoch once. Epochs after its checkpoint were never logged when the
 * process died before their checkpoint; an epoch that was checkpointed but not yet logged is logged
 * from the checkpoint's history. The new file starts with a session restart at its first epoch, after
 * which TensorBoard forgets whatever earlier files hold at that epoch and later ({@link ScalarLog}).
 */
public final class TensorBoardLog implements AutoCloseable {
  /** The directory in the run that holds the event files: {@code tensorboard --logdir} it, or the runs' parent. */
  public static final String DIRECTORY = "tensorboard";
  private static final Logger LOG = Logger.getLogger(TensorBoardLog.class.getName());

  private final Path dir;
  private final boolean restarted;
  private int nextEpoch;
  private EventFileWriter writer;

  private TensorBoardLog(Path dir, boolean restarted, int nextEpoch) {
    this.dir = dir;
    this.restarted = restarted;
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
        + "; what follows in that file is not shown, and the epochs it lacks are logged again"));
    SortedSet<Long> logged = earlier.steps();
    int firstMissing = 1;
    while (firstMissing <= start.epoch() && logged.contains((long) firstMissing)) {
      firstMissing++;
    }
    TensorBoardLog log = new TensorBoardLog(dir, !earlier.files().isEmpty(), firstMissing);
    if (!logged.tailSet((long) firstMissing).isEmpty()) {
      log.writer();                                     // the restart that drops them, even if no epoch follows
    }
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
      if (restarted) {
        writer.restart(nextEpoch, now());
      }
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
