package org.sinus.engine.run.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scalars of a directory as TensorBoard keeps them: files in name order, a session restart
 * dropping what earlier events hold at its step and later, a damaged file read up to the damage.
 */
class ScalarLogTest {
  @TempDir
  Path dir;

  @Test
  void aDirectoryThatDoesNotExistHasNoScalars() {
    ScalarLog log = ScalarLog.read(dir.resolve("missing"));
    assertThat(log.files()).isEmpty();
    assertThat(log.scalars()).isEmpty();
    assertThat(log.problems()).isEmpty();
  }

  @Test
  void scalarsAreReadByTagAndStepFromEveryFileInNameOrder() throws IOException {
    try (EventFileWriter first = EventFileWriter.create(dir, 100)) {
      first.scalars(1, 101, Map.of("loss/train", 0.75, "learning_rate", 1e-3));
      first.scalars(2, 102, Map.of("loss/train", 0.5));
    }
    try (EventFileWriter second = EventFileWriter.create(dir, 200)) {
      second.scalars(3, 201, Map.of("loss/train", 0.25));
    }
    Files.writeString(dir.resolve("notes.txt"), "not an event file");
    ScalarLog log = ScalarLog.read(dir);
    assertThat(log.problems()).isEmpty();
    assertThat(log.files()).hasSize(2);
    assertThat(log.series("loss/train")).containsExactly(entry(1L, 0.75f), entry(2L, 0.5f), entry(3L, 0.25f));
    assertThat(log.series("learning_rate")).containsExactly(entry(1L, 1e-3f));
    assertThat(log.steps()).containsExactly(1L, 2L, 3L);
    assertThat(log.scalars()).filteredOn(s -> s.step() == 3).singleElement()
        .satisfies(s -> assertThat(s.wallTime()).isEqualTo(201.0));
  }

  @Test
  void aSessionStartAfterTheFirstIsARestartThatDropsWhatEarlierEventsHoldAtItsStepAndLater() throws IOException {
    try (EventFileWriter first = EventFileWriter.create(dir, 100)) {
      first.sessionStart(1, 100);
      for (int step = 1; step <= 4; step++) {
        first.scalars(step, 100 + step, Map.of("loss/train", (double) step, "loss/validation", step + 0.5));
      }
    }
    try (EventFileWriter second = EventFileWriter.create(dir, 200)) {
      second.sessionStart(3, 200);
      second.scalars(3, 201, Map.of("loss/train", 30.0));
    }
    ScalarLog log = ScalarLog.read(dir);
    assertThat(log.series("loss/train")).containsExactly(entry(1L, 1f), entry(2L, 2f), entry(3L, 30f));
    assertThat(log.series("loss/validation")).as("every tag").containsExactly(entry(1L, 1.5f), entry(2L, 2.5f));
  }

  @Test
  void theFirstSessionStartIsNoRestart() throws IOException {
    try (EventFileWriter first = EventFileWriter.create(dir, 100)) {
      first.scalars(1, 101, Map.of("loss/train", 1.0));
      first.scalars(2, 102, Map.of("loss/train", 2.0));
    }
    try (EventFileWriter second = EventFileWriter.create(dir, 200)) {
      second.sessionStart(2, 200);
      second.scalars(3, 201, Map.of("loss/train", 3.0));
    }
    assertThat(ScalarLog.read(dir).series("loss/train")).containsExactly(entry(1L, 1f), entry(2L, 2f), entry(3L, 3f));
  }

  @Test
  void aStepWrittenTwiceWithoutARestartIsAnError() throws IOException {
    try (EventFileWriter writer = EventFileWriter.create(dir, 100)) {
      writer.scalars(1, 101, Map.of("loss/train", 1.0));
      writer.scalars(1, 102, Map.of("loss/train", 2.0));
    }
    assertThatThrownBy(() -> ScalarLog.read(dir).series("loss/train"))
        .hasMessageStartingWith("step 1 holds loss/train more than once (again in " + dir);
  }

  @Test
  void aDamagedFileIsReadUpToTheDamageAndTheNextFilesStillAre() throws IOException {
    Path damaged;
    try (EventFileWriter first = EventFileWriter.create(dir, 100)) {
      damaged = first.path();
      first.scalars(1, 101, Map.of("loss/train", 1.0));
      first.scalars(2, 102, Map.of("loss/train", 2.0));
    }
    byte[] bytes = Files.readAllBytes(damaged);
    Files.write(damaged, Arrays.copyOf(bytes, bytes.length - 3));
    try (EventFileWriter second = EventFileWriter.create(dir, 200)) {
      second.scalars(3, 201, Map.of("loss/train", 3.0));
    }
    ScalarLog log = ScalarLog.read(dir);
    assertThat(log.series("loss/train")).containsExactly(entry(1L, 1f), entry(3L, 3f));
    assertThat(log.problems()).singleElement().asString().startsWith(damaged.toString()).contains("is cut short");
  }
}
