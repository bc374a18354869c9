package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;

/**
 * A model of two inputs (the time and fft representations, each with its own network, joined by
 * their features; the test plugin's {@code concat-branches}) trains, evaluates, resumes and is
 * explained through the same commands as any model.
 */
class MultiInputRunTest {
  @TempDir
  static Path temp;

  private static Path run;

  @BeforeAll
  static void train() throws IOException {
    Path experiment = temp.resolve("two-branches.conf");
    try (InputStream in = MultiInputRunTest.class.getResourceAsStream("/experiments/two-branches.conf")) {
      Files.copy(in, experiment);
    }
    Cli.Outcome outcome = Cli.run("train", experiment.toString(), "-q", "--set",
        "output.dir=\"" + temp.resolve("runs") + "\"");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    try (Stream<Path> runs = Files.list(temp.resolve("runs"))) {
      run = runs.findFirst().orElseThrow();
    }
  }

  @Test
  void theRunRecordsBothInputsAndEveryNestedComponent() throws IOException {
    var state = Json.parse(Files.readString(run.resolve("representation-state.json")));
    assertThat(state.root().keySet()).containsExactly("fft", "time");
    assertThat(state.getList("time.mean")).hasSize(1);
    assertThat(state.getList("fft.feature_mean")).isNotEmpty();
    var provenance = Json.parse(Files.readString(run.resolve("provenance.json")));
    assertThat(provenance.getString("components.model.type")).isEqualTo("concat-branches");
    assertThat(provenance.getString("components.\"model.branches.fft.representation\".type")).isEqualTo("fft");
    assertThat(provenance.getString("components.\"model.branches.time.model\".type")).isEqualTo("resnet1d");
    assertThat(provenance.getString("training.example_shape")).contains("time=[1, 250, 12]").contains("fft=[1, 16, 396]");
    String resolved = Files.readString(run.resolve("experiment.conf"));
    assertThat(resolved).as("nested defaults written out").contains("frame-length").contains("kernel-sizes");
    var status = Json.parse(Files.readString(run.resolve("status.json")));
    assertThat(status.getString("state")).isEqualTo("completed");
    assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(3);
  }

  @Test
  void evaluateAndResumeReproduceTheRun() throws IOException {
    String predictions = Files.readString(run.resolve("evaluation/predictions-test.csv"));
    Path evaluatedCopy = RunCopies.copy(run, temp.resolve("evaluated"));
    Cli.Outcome evaluated = Cli.run("evaluate", evaluatedCopy.toString(), "--split", "test", "-q");
    assertThat(evaluated.exitCode()).as(evaluated.all()).isZero();
    assertThat(Files.readString(evaluatedCopy.resolve("evaluation/predictions-test.csv"))).isEqualTo(predictions);

    Path copy = RunCopies.killedDuring(run, 3, temp.resolve("killed"));
    Cli.Outcome resumed = Cli.run("train", "--resume", copy.toString(), "-q");
    assertThat(resumed.exitCode()).as(resumed.all()).isZero();
    assertThat(Files.readString(copy.resolve("evaluation/predictions-test.csv"))).isEqualTo(predictions);
  }

  @Test
  void gradientsExplainBothInputsAndMapTheTimeBranchToTheLeads() throws IOException {
    Cli.Outcome outcome = Cli.run("explain", run.toString(), "--explainer", "gradient", "--count", "1", "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    Path file;
    try (Stream<Path> files = Files.walk(run.resolve("explanations"))) {
      file = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    var explanation = Json.parse(Files.readString(file));
    assertThat(explanation.getObject("input_relevance").keySet()).containsExactlyInAnyOrder("time", "fft");
    assertThat(explanation.getList("input_relevance.time")).hasSize(7);
    assertThat(explanation.getList("signal_relevance")).hasSize(1000 * 12);
    assertThat(explanation.getStringList("notes")).anySatisfy(n -> assertThat(n).contains("input 'fft'")
        .contains("not mapped to leads × time"));
  }
}
