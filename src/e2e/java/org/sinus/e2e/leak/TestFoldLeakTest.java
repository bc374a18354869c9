package org.sinus.e2e.leak;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.data.Split;
import org.sinus.api.util.Json;
import org.sinus.e2e.Cli;
import org.sinus.e2e.RunCopies;

/**
 * The test fold (10) influences no choice, proved on the real training and evaluation paths rather
 * than by split names. A run with every split-dependent choice switched on (fitted
 * standardization, validation every epoch, early stopping, the best epoch's weights, thresholds
 * tuned on validation, an explainer's background; {@code experiments/audited.conf}) is trained on
 * an audited dataset, which observes every signal read:
 * <ul>
 *   <li>no test-fold signal is read before the run has fixed its decision thresholds, its last
 *       choice (the audit flags any such read with the code that made it), also when a killed run
 *       is resumed in the middle of its early-stopping patience;</li>
 *   <li>a second run whose test fold has other labels (rotated among its records) and other
 *       signals has bit-identical fitted state, weights, checkpoints, selected epoch, validation
 *       history and thresholds: only the test evaluation differs;</li>
 *   <li>an explanation of a test record reads that record and background records of the training
 *       split, nothing else.</li>
 * </ul>
 */
class TestFoldLeakTest {
  @TempDir
  static Path temp;

  private static Path experiment;
  private static Path baseline;
  private static Path changed;

  @BeforeAll
  static void trainTwice() throws IOException {
    experiment = temp.resolve("audited.conf");
    try (InputStream in = TestFoldLeakTest.class.getResourceAsStream("/experiments/audited.conf")) {
      Files.copy(in, experiment);
    }
    baseline = train("baseline", false);
    changed = train("changed", true);
  }

  private static Path train(String audit, boolean changeTestFold) throws IOException {
    Path runs = temp.resolve(audit);
    DataAudit.start(audit, runs);
    Cli.Outcome outcome = Cli.run("train", experiment.toString(), "-q",
        "--set", "dataset.audit=" + audit,
        "--set", "dataset.runs=\"" + runs + "\"",
        "--set", "dataset.rotate-labels=" + (changeTestFold ? "[test]" : "[]"),
        "--set", "dataset.perturb-signals=" + (changeTestFold ? "[test]" : "[]"),
        "--set", "output.dir=\"" + runs + "\"");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    try (Stream<Path> list = Files.list(runs)) {
      return list.findFirst().orElseThrow();
    }
  }

  @Test
  void noTestRecordIsReadBeforeTheThresholdsAreFixed() {
    for (String name : List.of("baseline", "changed")) {
      DataAudit audit = DataAudit.named(name);
      assertThat(audit.leaks()).as(name).isEmpty();
      // the audit saw the whole run: every split was read, the test fold by the final evaluation
      assertThat(audit.reads(Split.TRAIN)).as(name).hasSizeGreaterThan(250);
      assertThat(audit.reads(Split.VALIDATION)).as(name).hasSizeGreaterThan(30);
      assertThat(audit.reads(Split.TEST)).as(name).hasSizeGreaterThan(30);
    }
  }

  @Test
  void theTestFoldChangesNothingButTheTestResult() throws IOException {
    for (String file : List.of("representation-state.json", "model/model.json", "evaluation/thresholds.json",
        "evaluation/validation.json", "evaluation/predictions-validation.csv")) {
      assertThat(Files.readString(changed.resolve(file))).as(file).isEqualTo(Files.readString(baseline.resolve(file)));
    }
    assertThat(history(changed)).isEqualTo(history(baseline));
    assertThat(filesUnder(changed.resolve("checkpoints"))).isEqualTo(filesUnder(baseline.resolve("checkpoints")))
        .isNotEmpty();
    for (String file : filesUnder(baseline.resolve("checkpoints"))) {
      if (file.endsWith("state.json")) {
        assertThat(loopState(changed.resolve("checkpoints").resolve(file))).as(file)
            .isEqualTo(loopState(baseline.resolve("checkpoints").resolve(file)));
      } else {
        assertThat(Files.readAllBytes(changed.resolve("checkpoints").resolve(file))).as(file)
            .isEqualTo(Files.readAllBytes(baseline.resolve("checkpoints").resolve(file)));
      }
    }
    for (String file : filesUnder(baseline.resolve("model"))) {
      assertThat(Files.readAllBytes(changed.resolve("model").resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(baseline.resolve("model").resolve(file)));
    }
    // ...while the change did reach the test evaluation
    assertThat(Files.readString(changed.resolve("evaluation/predictions-test.csv")))
        .isNotEqualTo(Files.readString(baseline.resolve("evaluation/predictions-test.csv")));
    assertThat(Files.readString(changed.resolve("evaluation/test.json")))
        .isNotEqualTo(Files.readString(baseline.resolve("evaluation/test.json")));
  }

  @Test
  void earlyStoppingKeepsTheBestEpochAndResumesInTheMiddleOfItsPatience() throws IOException {
    Config model = Json.parse(Files.readString(baseline.resolve("model/model.json")));
    List<Config> history = history(baseline);
    int patience = 2;
    assertThat(model.getBoolean("stopped_early")).as("the run stopped early").isTrue();
    int trained = model.getInt("epochs_trained");
    assertThat(trained).isLessThan(15).isEqualTo(history.size());
    int best = bestEpoch(history);
    assertThat(model.getString("selected")).isEqualTo("best");
    assertThat(model.getInt("epoch")).as("the epoch of the highest validation AUC").isEqualTo(best);
    assertThat(trained).as("stopped after patience epochs without improvement").isEqualTo(best + patience);
    assertThat(best).as("an early epoch was kept, not the last").isLessThan(trained);

    // killed during epoch best + 2: the checkpoint of best + 1 holds one epoch without improvement
    Path runs = temp.resolve("resumed");
    Path killed = RunCopies.killedDuring(baseline, best + 2, runs.resolve("killed"));
    assertThat(Json.parse(Files.readString(killed.resolve(String.format("checkpoints/epoch-%04d/state.json",
        best + 1)))).getInt("epochs_without_improvement")).isEqualTo(1);
    DataAudit audit = DataAudit.start("resumed", runs);
    Cli.Outcome resumed = Cli.run("train", "--resume", killed.toString(), "-q", "--set", "dataset.audit=resumed",
        "--set", "dataset.runs=\"" + runs + "\"");
    assertThat(resumed.exitCode()).as(resumed.all()).isZero();
    assertThat(audit.leaks()).isEmpty();
    assertThat(audit.reads(Split.TEST)).isNotEmpty();
    assertThat(Files.readString(killed.resolve("model/model.json"))).isEqualTo(Files.readString(baseline.resolve("model/model.json")));
    assertThat(history(killed)).isEqualTo(history);
    assertThat(Files.readString(killed.resolve("evaluation/predictions-test.csv")))
        .isEqualTo(Files.readString(baseline.resolve("evaluation/predictions-test.csv")));
  }

  @Test
  void anExplanationReadsItsRecordAndTrainingRecordsOnly() throws IOException {
    DataAudit audit = DataAudit.start("explained", baseline.getParent());
    String id = firstTestRecord(baseline);
    Cli.Outcome explained = Cli.run("explain", baseline.toString(), "--records", id, "-q",
        "--set", "dataset.audit=explained");
    assertThat(explained.exitCode()).as(explained.all()).isZero();
    assertThat(audit.reads(Split.TEST)).hasSize(1);
    assertThat(audit.reads(Split.VALIDATION)).isEmpty();
    assertThat(audit.reads(Split.TRAIN)).as("the background").hasSize(8);
    assertThat(audit.leaks()).isEmpty();
  }

  /** The per-epoch metrics without their wall-clock seconds. */
  private static List<Config> history(Path run) throws IOException {
    List<Config> rows = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
      rows.add(Json.parse(line).withoutPath("seconds"));
    }
    return rows;
  }

  /** A checkpoint's loop state without the wall-clock seconds of its epochs. */
  private static String loopState(Path stateJson) throws IOException {
    return Files.readString(stateJson).replaceAll("\"seconds\": [0-9.Ee-]+", "\"seconds\": ?");
  }

  /** The first epoch with the highest validation macro AUC. */
  private static int bestEpoch(List<Config> history) {
    int best = 0;
    double highest = Double.NEGATIVE_INFINITY;
    for (Config row : history) {
      if (row.getDouble("val_macro_auc") > highest) {
        highest = row.getDouble("val_macro_auc");
        best = row.getInt("epoch");
      }
    }
    return best;
  }

  private static Set<String> filesUnder(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      Set<String> files = new TreeSet<>();
      walk.filter(Files::isRegularFile).forEach(file -> files.add(dir.relativize(file).toString()));
      return files;
    }
  }

  private static String firstTestRecord(Path run) throws IOException {
    return Files.readAllLines(run.resolve("evaluation/predictions-test.csv")).get(1).split(",")[0];
  }
}
