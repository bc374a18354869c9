package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;
import org.sinus.testkit.PtbxlFixture;
import org.sinus.testkit.RequiresPtbxl;

/**
 * Train, evaluate and resume on a small slice of the real PTB-XL subset (training folds 1-2, a
 * small CNN, 4 epochs, one TensorFlow thread so that runs are bit-for-bit repeatable).
 */
@RequiresPtbxl
class TrainEvaluateResumeTest {
  @TempDir
  static Path temp;

  private static Path run;
  private static String[] overrides;

  /** The run, trained by the first test that needs it (none trains when the data is missing). */
  private static synchronized Path run() throws IOException {
    if (run == null) {
      train();
    }
    return run;
  }

  private static void train() throws IOException {
    Path data = PtbxlFixture.require();
    overrides = new String[] {
        "--set", "dataset.path=\"" + data + "\"",
        "--set", "dataset.split.train=[1, 2]",
        "--set", "model.filters=[32, 32]",
        "--set", "training.epochs=4",
        "--set", "training.batch-size=32",
        "--set", "training.threads.intra-op=1",
        "--set", "training.threads.inter-op=1",
        "--set", "evaluation.bootstrap.resamples=200",
        "--set", "output.dir=\"" + temp.resolve("runs") + "\""};
    String[] args = Stream.concat(Stream.of("train", Experiments.file("ptbxl-time-cnn1d.conf").toString(), "-q"),
        Stream.of(overrides)).toArray(String[]::new);
    Cli.Outcome outcome = Cli.run(args);
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    try (Stream<Path> runs = Files.list(temp.resolve("runs"))) {
      run = runs.findFirst().orElseThrow();
    }
  }

  @Test
  void runDirectoryHoldsEverythingToUnderstandAndRedoTheRun() throws IOException {
    assertThat(run().getFileName().toString()).startsWith("ptbxl-time-cnn1d-");
    for (String file : List.of("experiment.conf", "provenance.json", "status.json", "run.log", "data-report.md",
        "data-report.json", "representation-state.json", "metrics.jsonl", "metrics.csv", "training-curves.png",
        "model/model.json", "evaluation/test.md", "evaluation/test.json", "evaluation/roc-test.png",
        "evaluation/pr-test.png", "evaluation/predictions-test.csv", "evaluation/validation.md", "report.html")) {
      assertThat(run().resolve(file)).as(file).exists();
    }
    assertThat(Files.readAllLines(run().resolve("metrics.jsonl"))).hasSize(4);
    var status = Json.parse(Files.readString(run().resolve("status.json")));
    assertThat(status.getString("state")).isEqualTo("completed");
    // what the run learns is proved on a task with a decisive margin (SeparableTaskTest); here the
    // status must report the evaluation's own figure
    assertThat(status.getDouble("test_macro_auc")).isEqualTo(
        Json.parse(Files.readString(run().resolve("evaluation/test.json"))).getDouble("headlines.macro_auc.value"));
    var provenance = Json.parse(Files.readString(run().resolve("provenance.json")));
    assertThat(provenance.getLong("seed")).isZero();
    assertThat(provenance.getString("data.fingerprint")).hasSize(16);
    assertThat(provenance.getString("components.model.type")).isEqualTo("cnn1d");
    assertThat(provenance.getString("training.precision")).isEqualTo("fp32");
    String resolved = Files.readString(run().resolve("experiment.conf"));
    assertThat(resolved).contains("train=[").contains("epochs=4");
    assertThat(Files.readString(run().resolve("evaluation/test.md"))).contains("macro AUC").contains("95% CI");
  }

  @Test
  void evaluateReproducesTheRunsTestResult() throws IOException {
    Path copy = RunCopies.copy(run(), temp.resolve("evaluated"));
    double trained = Json.parse(Files.readString(copy.resolve("status.json"))).getDouble("test_macro_auc");
    Cli.Outcome outcome = Cli.run("evaluate", copy.toString(), "--split", "test", "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    double evaluated = Json.parse(Files.readString(copy.resolve("evaluation/test.json"))).getDouble("headlines.macro_auc.value");
    assertThat(evaluated).isEqualTo(trained);
  }

  @Test
  void aKilledRunResumesFromItsLastCheckpointToTheSameResult() throws IOException {
    Path copy = RunCopies.killedDuring(run(), 4, temp.resolve("killed"));
    assertThat(Cli.run("status", copy.toString()).out()).contains("interrupted");
    String provenance = Files.readString(copy.resolve("provenance.json"));
    Cli.Outcome outcome = Cli.run("train", "--resume", copy.toString(), "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    assertThat(Files.readString(copy.resolve("run.log"))).contains("resuming " + copy + " after epoch 3");
    // the provenance the run started with stays; the resumption is recorded beside it
    assertThat(Files.readString(copy.resolve("provenance.json"))).isEqualTo(provenance);
    List<String> resumes = Files.readAllLines(copy.resolve("resumes.jsonl"));
    assertThat(resumes).hasSize(1);
    assertThat(Json.parse(resumes.get(0)).getInt("after_epoch")).isEqualTo(3);
    assertThat(Json.parse(resumes.get(0)).getString("resumed")).isNotBlank();
    assertThat(Files.readAllLines(copy.resolve("metrics.jsonl"))).hasSize(4);
    assertThat(Files.readString(copy.resolve("evaluation/predictions-test.csv")))
        .isEqualTo(Files.readString(run().resolve("evaluation/predictions-test.csv")));
  }

  @Test
  void evaluatingARunWithoutAModelSaysWhatToDo() throws IOException {
    Path empty = temp.resolve("unfinished");
    Files.createDirectories(empty);
    Files.copy(run().resolve("experiment.conf"), empty.resolve("experiment.conf"));
    Cli.Outcome outcome = Cli.run("evaluate", empty.toString(), "-q");
    assertThat(outcome.exitCode()).isEqualTo(5);
    assertThat(outcome.err()).contains("has no trained model").contains("sinus train --resume");
    assertThat(Cli.run("evaluate", temp.resolve("nothing").toString(), "-q").exitCode()).isEqualTo(5);
  }

  @Test
  void aRunWhoseDataMovedIsEvaluatedWithTheNewLocationAndNothingElseMayChange() throws IOException {
    Path moved = RunCopies.copy(run(), temp.resolve("moved"));
    Path data = PtbxlFixture.require();
    String conf = Files.readString(moved.resolve("experiment.conf"));
    assertThat(conf).as("the run stores the resolved, absolute data location").contains("path=\"" + data + "\"");
    Files.writeString(moved.resolve("experiment.conf"), conf.replace("path=\"" + data + "\"", "path=\"/elsewhere/ptbxl\""));

    Cli.Outcome missing = Cli.run("evaluate", moved.toString(), "-q");
    assertThat(missing.exitCode()).isEqualTo(4);
    assertThat(missing.err()).contains("No PTB-XL at /elsewhere/ptbxl");

    Cli.Outcome relocated = Cli.run("evaluate", moved.toString(), "-q", "--set", "dataset.path=\"" + data + "\"");
    assertThat(relocated.exitCode()).as(relocated.all()).isZero();
    assertThat(Files.readString(moved.resolve("evaluation/predictions-test.csv")))
        .isEqualTo(Files.readString(run().resolve("evaluation/predictions-test.csv")));

    Cli.Outcome meaning = Cli.run("evaluate", moved.toString(), "-q", "--set", "model.kernel=3");
    assertThat(meaning.exitCode()).isEqualTo(2);
    assertThat(meaning.err()).contains("--set model.kernel=3: sinus evaluate keeps the run's experiment; only "
        + "machine-local settings may be given anew: ").contains("dataset.path").contains("training.threads.intra-op");
  }

  @Test
  void machineLocalDefaultsAreLeftOutOfTheRunsExperimentAndListed() {
    Cli.Outcome outcome = Cli.run("validate", Experiments.file("ptbxl-time-cnn1d.conf").toString(), "--print", "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    assertThat(outcome.out()).contains("# Machine-local settings left at their defaults, resolved again where the run is "
        + "resumed or evaluated").contains("#   dataset.path = \"").contains("#   dataset.threads = 0");
    String body = outcome.out().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    assertThat(body).doesNotContain("path=").contains("sampling-rate=100");
  }
}
