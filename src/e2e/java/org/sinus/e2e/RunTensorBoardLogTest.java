package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.engine.run.tensorboard.EpochScalars;
import org.sinus.engine.run.tensorboard.ScalarLog;
import org.sinus.engine.run.tensorboard.TensorBoardLog;
import org.sinus.engine.run.tensorboard.TfRecords;
import org.tensorflow.proto.Event;

/**
 * A trained run's TensorBoard event files hold what its {@code metrics.csv} holds, column by column
 * (at float precision; seconds as the CSV rounds them), with every checksum verified; and so does a
 * run killed during its last epoch and resumed, with each epoch once (the copy of the killed run still
 * holds the last epoch's event, as if its checkpoint were lost: the resumed run cuts it from the file). The small quickstart (200
 * synthetic records, 16 filters) trains 3 epochs, validating after epochs 2 and 3 only, so that the
 * empty validation cells of epoch 1 are checked too.
 */
class RunTensorBoardLogTest {
  private static final int EPOCHS = 3;

  @TempDir
  Path temp;

  @Test
  void theEventFilesHoldMetricsCsvAndEachEpochOnceAfterAResume() throws IOException {
    Path run = train();
    ScalarLog trained = read(run);
    assertThat(trained.files()).hasSize(1);
    assertMatchesCsv(trained, run);
    assertThat(trained.series(EpochScalars.VALIDATION_MACRO_AUC)).as("epoch 1 is not validated").containsOnlyKeys(2L, 3L);

    Path killed = RunCopies.killedDuring(run, EPOCHS, temp.resolve("killed"));
    Cli.Outcome resumed = Cli.run("train", "--resume", killed.toString(), "-q");
    assertThat(resumed.exitCode()).as(resumed.all()).isZero();
    ScalarLog afterResume = read(killed);
    assertThat(afterResume.files()).as("the resumed process writes a file of its own").hasSize(2);
    assertThat(afterResume.scalars()).filteredOn(s -> s.step() < EPOCHS)
        .allSatisfy(s -> assertThat(s.file()).isEqualTo(afterResume.files().get(0)));
    assertThat(afterResume.scalars()).filteredOn(s -> s.step() == EPOCHS)
        .isNotEmpty().allSatisfy(s -> assertThat(s.file()).isEqualTo(afterResume.files().get(1)));
    assertMatchesCsv(afterResume, killed);
    assertThat(summaryEventsPerStep(afterResume)).as("in the files themselves")
        .isEqualTo(Map.of(1L, 1, 2L, 1, 3L, 1));
  }

  /** How many events with scalars each step has in the files, before any dropping at a session restart. */
  private static Map<Long, Integer> summaryEventsPerStep(ScalarLog log) throws IOException {
    Map<Long, Integer> counts = new TreeMap<>();
    for (Path file : log.files()) {
      for (byte[] record : TfRecords.read(file).records()) {
        Event event = Event.parseFrom(record);
        if (event.hasSummary()) {
          counts.merge(event.getStep(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private Path train() throws IOException {
    Path runs = temp.resolve("runs");
    Cli.Outcome trained = Cli.run("train", Experiments.file("quickstart.conf").toString(), "-q",
        "--set", "dataset.records=200", "--set", "training.epochs=" + EPOCHS, "--set", "training.batch-size=32",
        "--set", "training.validate-every=2", "--set", "model.filters=16",
        "--set", "evaluation.bootstrap.resamples=100", "--set", "output.dir=\"" + runs + "\"");
    assertThat(trained.exitCode()).as(trained.all()).isZero();
    try (Stream<Path> list = Files.list(runs)) {
      return list.findFirst().orElseThrow();
    }
  }

  private static ScalarLog read(Path run) {
    ScalarLog log = ScalarLog.read(run.resolve(TensorBoardLog.DIRECTORY));
    assertThat(log.problems()).as("every record's checksums").isEmpty();
    assertThat(log.files()).allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("events.out.tfevents."));
    return log;
  }

  /** Each column of metrics.csv but epoch equals its tag's values by step (= epoch); an empty cell has none. */
  private static void assertMatchesCsv(ScalarLog log, Path run) throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
    List<String> columns = List.of(lines.get(0).split(","));
    assertThat(lines).hasSize(EPOCHS + 1);
    assertThat(EpochScalars.TAG_OF_COLUMN.keySet()).as("every column has a tag")
        .containsExactlyInAnyOrderElementsOf(columns.subList(1, columns.size()));
    for (Map.Entry<String, String> column : EpochScalars.TAG_OF_COLUMN.entrySet()) {
      int index = columns.indexOf(column.getKey());
      SortedMap<Long, Float> expected = new TreeMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",", -1);
        if (!cells[index].isEmpty()) {
          expected.put(Long.parseLong(cells[0]), (float) Double.parseDouble(cells[index]));
        }
      }
      SortedMap<Long, Float> logged = log.series(column.getValue());
      if (column.getKey().equals("seconds")) {
        assertThat(logged.keySet()).as(column.getValue()).isEqualTo(expected.keySet());
        logged.forEach((epoch, seconds) -> assertThat(seconds).as("%s at %d", column.getValue(), epoch)
            .isCloseTo(expected.get(epoch), Offset.offset(0.005f + 1e-6f * seconds)));
      } else {
        assertThat(logged).as(column.getValue()).isEqualTo(expected);
      }
    }
  }
}
