package org.sinus.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which checkpoints a resumed run sees: only complete {@code epoch-NNNN} directories (with their state),
 * the latest by epoch number rather than by name, none in a directory that does not exist; and which
 * are kept: the latest two and the best epoch's, which select = best evaluates. Writing a checkpoint
 * needs a TensorFlow session and is covered end to end (TrainEvaluateResumeTest in src/e2e).
 */
class CheckpointsTest {
  @TempDir
  Path dir;

  private static TrainerState bestAt(int epoch) {
    TrainerState state = new TrainerState();
    state.finishEpoch(new EpochRecord(epoch, epoch * 5L, 0.01, 0.3, 0.2, 0.9, 1.0), 0.9, true, 0);
    return state;
  }

  private void complete(int epoch) throws IOException {
    TrainerState state = bestAt(epoch);
    Path directory = Files.createDirectories(dir.resolve(Checkpoints.name(epoch)));
    Files.writeString(directory.resolve("state.json"), state.toJson());
  }

  @Test
  void latestIsTheHighestCompleteEpoch() throws IOException {
    complete(9);
    complete(10);
    complete(12000);                                                       // five digits sort after four
    Files.createDirectories(dir.resolve("epoch-12001"));                   // no state: incomplete
    Files.createDirectories(dir.resolve(".epoch-12002.partial"));
    Files.createDirectories(dir.resolve("epoch-12"));                      // not a checkpoint name
    Checkpoints checkpoints = new Checkpoints(dir);
    assertThat(checkpoints.epochs()).containsExactly(9, 10, 12000);
    Checkpoints.Checkpoint latest = checkpoints.latest().orElseThrow();
    assertThat(latest.epoch()).isEqualTo(12000);
    assertThat(latest.directory()).isEqualTo(dir.resolve("epoch-12000"));
    assertThat(latest.variables()).isEqualTo(dir.resolve("epoch-12000").resolve("variables"));
    assertThat(latest.state().step()).isEqualTo(60000);
    assertThat(checkpoints.load(9).state().epoch()).isEqualTo(9);
  }

  @Test
  void pruningKeepsTheLatestTwoAndTheBest() throws IOException {
    for (int epoch = 1; epoch <= 5; epoch++) {
      complete(epoch);
    }
    Checkpoints checkpoints = new Checkpoints(dir);
    checkpoints.prune(bestAt(2));
    assertThat(checkpoints.epochs()).containsExactly(2, 4, 5);
    checkpoints.prune(bestAt(5));                                         // the best among the latest two
    assertThat(checkpoints.epochs()).containsExactly(4, 5);
  }

  @Test
  void noDirectoryNoCheckpoint() {
    Checkpoints checkpoints = new Checkpoints(dir.resolve("missing"));
    assertThat(checkpoints.epochs()).isEmpty();
    assertThat(checkpoints.latest()).isEmpty();
    assertThat(Checkpoints.name(7)).isEqualTo("epoch-0007");
  }
}
