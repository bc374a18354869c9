package org.sinus.engine.run.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;
import org.sinus.engine.train.EpochRecord;
import org.sinus.engine.train.TrainerState;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.SessionLog;

/**
 * A run's epochs in its event files: each epoch's values under their tags as the epoch ends, and each
 * epoch once however the run was killed and resumed, counted in the files' events themselves (before
 * any dropping by TensorBoard at a session restart) and read as TensorBoard shows them.
 */
class TensorBoardLogTest {
  @TempDir
  Path run;

  private static EpochRecord epoch(int epoch, double trainLoss) {
    return new EpochRecord(epoch, epoch * 12L, 1e-3 / epoch, trainLoss, trainLoss + 0.125, 0.5 + epoch / 64.0,
        2.5 * epoch);
  }

  /** The state after the given epochs, as a checkpoint holds it. */
  private static TrainerState after(EpochRecord... history) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("epoch", history.length == 0 ? 0 : history[history.length - 1].epoch());
    state.put("step", history.length == 0 ? 0 : history[history.length - 1].step());
    state.put("best_epoch", 0);
    state.put("epochs_without_improvement", 0);
    state.put("stopped_early", false);
    state.put("history", Arrays.stream(history).map(EpochRecord::toMap).toList());
    return TrainerState.fromJson(Json.pretty(state));
  }

  private static void train(Path run, TrainerState start, EpochRecord... epochs) {
    List<EpochRecord> history = new ArrayList<>(start.history());
    try (TensorBoardLog log = TensorBoardLog.open(run, start)) {
      for (EpochRecord epoch : epochs) {
        history.add(epoch);
        log.log(after(history.toArray(EpochRecord[]::new)));
      }
    }
  }

  private ScalarLog scalars() {
    ScalarLog log = ScalarLog.read(run.resolve(TensorBoardLog.DIRECTORY));
    assertThat(log.problems()).isEmpty();
    return log;
  }

  /**
   * How many events with scalars each step has in the files, restarts not applied; and that each file
   * begins with its version and a session start at its first epoch.
   */
  private Map<Long, Integer> eventsPerStep() throws InvalidProtocolBufferException {
    Map<Long, Integer> counts = new TreeMap<>();
    for (Path file : scalars().files()) {
      List<byte[]> records = TfRecords.read(file).records();
      assertThat(Event.parseFrom(records.get(0)).getFileVersion()).isEqualTo("brain.Event:2");
      Event start = Event.parseFrom(records.get(1));
      assertThat(start.getSessionLog().getStatus()).isEqualTo(SessionLog.SessionStatus.START);
      boolean first = true;
      for (byte[] record : records) {
        Event event = Event.parseFrom(record);
        if (event.hasSummary()) {
          counts.merge(event.getStep(), 1, Integer::sum);
          if (first) {
            assertThat(event.getStep()).as("the session start of " + file).isEqualTo(start.getStep());
            first = false;
          }
        }
      }
    }
    return counts;
  }

  @Test
  void everyValueOfAnEpochIsLoggedUnderItsTagAsTheEpochEnds() throws IOException {
    EpochRecord first = epoch(1, 0.75);
    EpochRecord unvalidated = new EpochRecord(2, 24, 5e-4, 0.5, Double.NaN, Double.NaN, 2.0);
    try (TensorBoardLog log = TensorBoardLog.open(run, after())) {
      assertThat(run.resolve(TensorBoardLog.DIRECTORY)).as("no file before the first epoch").doesNotExist();
      log.log(after(first));
      assertThat(scalars().steps()).as("epoch 1 readable while training goes on").containsExactly(1L);
      log.log(after(first, unvalidated));
    }
    ScalarLog log = scalars();
    assertThat(log.files()).hasSize(1);
    assertThat(eventsPerStep()).containsExactly(entry(1L, 1), entry(2L, 1));
    assertThat(log.series(EpochScalars.TRAIN_LOSS)).containsExactly(entry(1L, 0.75f), entry(2L, 0.5f));
    assertThat(log.series(EpochScalars.VALIDATION_LOSS)).containsExactly(entry(1L, 0.875f));
    assertThat(log.series(EpochScalars.VALIDATION_MACRO_AUC)).containsExactly(entry(1L, (float) (0.5 + 1 / 64.0)));
    assertThat(log.series(EpochScalars.LEARNING_RATE)).containsExactly(entry(1L, 1e-3f), entry(2L, 5e-4f));
    assertThat(log.series(EpochScalars.GLOBAL_STEP)).containsExactly(entry(1L, 12f), entry(2L, 24f));
    assertThat(log.series(EpochScalars.EPOCH_SECONDS)).containsExactly(entry(1L, 2.5f), entry(2L, 2f));
  }

  @Test
  void aRunWithoutEpochsWritesNoFile() {
    train(run, after());
    assertThat(run.resolve(TensorBoardLog.DIRECTORY)).doesNotExist();
  }

  @Test
  void aRunKilledDuringAnEpochLogsTheEpochsAfterItsCheckpointOnResume() throws IOException {
    EpochRecord e1 = epoch(1, 0.9);
    EpochRecord e2 = epoch(2, 0.8);
    train(run, after(), e1, e2);                                       // killed during epoch 3
    train(run, after(e1, e2), epoch(3, 0.7), epoch(4, 0.6));
    assertThat(eventsPerStep()).containsExactly(entry(1L, 1), entry(2L, 1), entry(3L, 1), entry(4L, 1));
    assertThat(scalars().files()).hasSize(2);
    assertThat(scalars().series(EpochScalars.TRAIN_LOSS))
        .containsExactly(entry(1L, 0.9f), entry(2L, 0.8f), entry(3L, 0.7f), entry(4L, 0.6f));
  }

  @Test
  void anEpochCheckpointedButNotLoggedIsLoggedFromTheCheckpointOnResume() throws IOException {
    EpochRecord e1 = epoch(1, 0.9);
    EpochRecord e2 = epoch(2, 0.8);
    EpochRecord e3 = epoch(3, 0.7);
    train(run, after(), e1, e2);                                       // killed after checkpoint 3, before its log
    try (TensorBoardLog log = TensorBoardLog.open(run, after(e1, e2, e3))) {
      assertThat(scalars().steps()).as("logged on opening").containsExactly(1L, 2L, 3L);
      log.log(after(e1, e2, e3, epoch(4, 0.6)));
    }
    assertThat(eventsPerStep()).containsExactly(entry(1L, 1), entry(2L, 1), entry(3L, 1), entry(4L, 1));
    assertThat(scalars().series(EpochScalars.TRAIN_LOSS))
        .containsExactly(entry(1L, 0.9f), entry(2L, 0.8f), entry(3L, 0.7f), entry(4L, 0.6f));
  }

  @Test
  void epochsLoggedAfterTheCheckpointAreReplacedByTheResumedRunsValues() throws IOException {
    EpochRecord e1 = epoch(1, 0.9);
    EpochRecord e2 = epoch(2, 0.8);
    train(run, after(), e1, e2, epoch(3, 0.7), epoch(4, 0.6));   // checkpoints 3 and 4 then lost
    Path live = Files.createDirectories(run.resolve("live"));      // what a running TensorBoard has read
    Path killedFile = scalars().files().get(0);
    Files.copy(killedFile, live.resolve(killedFile.getFileName()));
    train(run, after(e1, e2), epoch(3, 0.65));
    assertThat(eventsPerStep()).containsExactly(entry(1L, 1), entry(2L, 1), entry(3L, 1));
    Path resumedFile = scalars().files().get(1);
    Files.copy(resumedFile, live.resolve(resumedFile.getFileName()));
    assertThat(ScalarLog.read(live).series(EpochScalars.TRAIN_LOSS)).as("dropped at the session start")
        .containsExactly(entry(1L, 0.9f), entry(2L, 0.8f), entry(3L, 0.65f));
    assertThat(scalars().series(EpochScalars.TRAIN_LOSS)).containsExactly(entry(1L, 0.9f), entry(2L, 0.8f),
        entry(3L, 0.65f));
    assertThat(scalars().series(EpochScalars.VALIDATION_LOSS)).containsExactly(entry(1L, 1.025f), entry(2L, 0.925f),
        entry(3L, 0.775f));
  }

  @Test
  void anEpochWhoseEventWasCutShortIsLoggedAgain() throws IOException {
    EpochRecord e1 = epoch(1, 0.9);
    EpochRecord e2 = epoch(2, 0.8);
    train(run, after(), e1, e2);
    Path file = ScalarLog.read(run.resolve(TensorBoardLog.DIRECTORY)).files().get(0);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));    // killed while writing epoch 2
    assertThat(ScalarLog.read(run.resolve(TensorBoardLog.DIRECTORY)).problems()).singleElement().asString()
        .contains("cut short");
    train(run, after(e1, e2), epoch(3, 0.7));
    assertThat(eventsPerStep()).as("the cut-short record is gone").containsExactly(entry(1L, 1), entry(2L, 1),
        entry(3L, 1));
    assertThat(scalars().series(EpochScalars.TRAIN_LOSS))
        .containsExactly(entry(1L, 0.9f), entry(2L, 0.8f), entry(3L, 0.7f));
  }

  @Test
  void aResumedRunWithEveryEpochLoggedWritesNothingMore() throws IOException {
    EpochRecord e1 = epoch(1, 0.9);
    train(run, after(), e1);
    train(run, after(e1));                                             // failed in evaluation, resumed
    assertThat(scalars().files()).hasSize(1);
    assertThat(eventsPerStep()).containsExactly(entry(1L, 1));
  }
}
