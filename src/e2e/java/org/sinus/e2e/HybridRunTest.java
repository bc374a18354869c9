package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;
import org.sinus.e2e.leak.DataAudit;

/**
 * The late-fusion hybrid end to end on synthetic ECGs: two branches trained in runs of their own
 * (raw leads with a resnet1d, spectra with a cnn-transformer) are fused by every mode through
 * {@code sinus train}; the fusion's fitted weights and meta-model depend on no test label; a
 * branch run of other data, or configured otherwise, is refused.
 */
class HybridRunTest {
  @TempDir
  static Path temp;

  private static Path timeRun;
  private static Path fftRun;

  @BeforeAll
  static void trainBranches() throws IOException {
    for (String name : List.of("branch-time.conf", "branch-fft.conf", "hybrid.conf", "hybrid-audited.conf")) {
      try (InputStream in = HybridRunTest.class.getResourceAsStream("/experiments/" + name)) {
        Files.copy(in, temp.resolve(name));
      }
    }
    timeRun = train("branch-time.conf", "branch-time");
    fftRun = train("branch-fft.conf", "branch-fft");
  }

  private static Path train(String experiment, String runs, String... sets) throws IOException {
    List<String> args = new ArrayList<>(List.of("train", temp.resolve(experiment).toString(), "-q",
        "--set", "output.dir=\"" + temp.resolve(runs) + "\""));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    Cli.Outcome outcome = Cli.run(args.toArray(String[]::new));
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    return newest(temp.resolve(runs));
  }

  private static Path newest(Path runs) throws IOException {
    try (Stream<Path> list = Files.list(runs)) {
      return list.max(Path::compareTo).orElseThrow();
    }
  }

  private static String[] fromRuns(String fusion) {
    return new String[] {"model.fusion=" + fusion, "model.branches.time.from-run=\"" + timeRun + "\"",
        "model.branches.fft.from-run=\"" + fftRun + "\"", "training.epochs=0"};
  }

  @Test
  void everyPostHocFusionOfBranchRunsFitsOnValidationAndEvaluates() throws IOException {
    for (String fusion : List.of("average", "weighted", "stacking")) {
      Path run = train("hybrid.conf", "hybrid-" + fusion, fromRuns(fusion));
      Config provenance = Json.parse(Files.readString(run.resolve("provenance.json")));
      assertThat(provenance.getConfigList("pretrained_parts")).extracting(part -> part.getString("run"))
          .containsExactlyInAnyOrder(timeRun.toString(), fftRun.toString());
      assertThat(Json.parse(Files.readString(run.resolve("evaluation/test.json"))).getDouble("headlines.macro_auc.value"))
          .isBetween(0.5, 1.0);
      Path fusionFile = run.resolve("model/fusion.json");
      if (fusion.equals("average")) {
        assertThat(fusionFile).as("the average fits nothing").doesNotExist();
        explainedWithBranchShares(run);
        continue;
      }
      Config fitted = Json.parse(Files.readString(fusionFile));
      assertThat(fitted.getString("details.fusion")).isEqualTo(fusion);
      assertThat(fitted.getStringList("validation_record_ids")).hasSize(
          Json.parse(Files.readString(run.resolve("provenance.json"))).getInt("data.validation_records"));
      assertThat(Files.readString(run.resolve("run.log"))).contains("validation: the fusion's cross-fitted probabilities");
      if (fusion.equals("stacking")) {
        Cli.Outcome timed = Cli.run("bench", "--mode", "run", "--run", run.toString(), "--records", "6", "--warmup", "2",
            "--batch", "3", "-q");
        assertThat(timed.exitCode()).as(timed.all()).isZero();
        assertThat(timed.out()).contains("6 test records").contains("sinus_hybrid_representation_time_ms_per_record")
            .contains("sinus_hybrid_representation_fft_ms_per_record").contains("sinus_hybrid_model_ms_per_record")
            .containsPattern("sinus_hybrid_end_to_end: [0-9.]+ records/s");
      }
    }
  }

  /**
   * The explanation of a fused record gives each branch's probability and share, in its JSON,
   * summary and report; a perturbation of the signal gives the probabilities, and says that it has
   * no shares.
   */
  private static void explainedWithBranchShares(Path run) throws IOException {
    Path gradient = explanation(run, "gradient");
    Config parts = Json.parse(Files.readString(gradient)).getConfig("parts");
    assertThat(parts.getBoolean("shares_available")).isTrue();
    assertThat(parts.getDouble("parts.time.relevance_share") + parts.getDouble("parts.fft.relevance_share"))
        .isCloseTo(1.0, within(1e-9));
    assertThat(parts.getDouble("fused_probability")).isBetween(0.0, 1.0);
    Path directory = gradient.getParent();
    assertThat(Files.readString(directory.resolve("summary.md"))).contains("# The model's parts")
        .containsPattern("\\| record \\| class \\| fused \\| (time \\| fft|fft \\| time) \\|");
    assertThat(Json.parse(Files.readString(directory.resolve("summary.json"))).getConfigList("parts")).hasSize(1);
    assertThat(Files.readString(directory.resolve("report.html"))).contains("data-part=\"time\"")
        .contains("data-part=\"fft\"");

    Config occluded = Json.parse(Files.readString(explanation(run, "occlusion"))).getConfig("parts");
    assertThat(occluded.getBoolean("shares_available")).isFalse();
    assertThat(occluded.getDouble("parts.time.probability")).isEqualTo(parts.getDouble("parts.time.probability"));
    assertThat(occluded.getStringList("notes")).singleElement().asString()
        .startsWith("the parts' shares of the explanation are not available: this method perturbs the signal");
  }

  /** The JSON of the explanation by {@code explainer} of the first test record. */
  private static Path explanation(Path run, String explainer) throws IOException {
    Cli.Outcome explained = Cli.run("explain", run.toString(), "--explainer", explainer, "--split", "test", "--count",
        "1", "-q");
    assertThat(explained.exitCode()).as(explained.all()).isZero();
    Path directory;
    try (Stream<Path> dirs = Files.list(run.resolve("explanations"))) {
      directory = dirs.filter(dir -> dir.getFileName().toString().startsWith(explainer + "-")).findFirst().orElseThrow();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".json") && !f.endsWith("summary.json")).findFirst().orElseThrow();
    }
  }

  @Test
  void aJointFusionTrainsItsHeadOnFrozenBranchesFirst() throws IOException {
    Path run = train("hybrid.conf", "hybrid-joint", "model.fusion=joint", "model.joint.freeze-epochs=1",
        "model.branches.time.from-run=\"" + timeRun + "\"", "model.branches.fft.from-run=\"" + fftRun + "\"",
        "training.epochs=2");
    assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(2);
    assertThat(Json.parse(Files.readString(run.resolve("provenance.json"))).getConfigList("pretrained_parts"))
        .allSatisfy(part -> assertThat(part.getInt("frozen_epochs")).isEqualTo(1));
  }

  @Test
  void branchRunsOfOtherDataOrOtherSettingsAreRefused() throws IOException {
    Path otherData = train("branch-time.conf", "other-data", "dataset.records=300");
    Cli.Outcome refused = Cli.run("train", temp.resolve("hybrid.conf").toString(), "-q",
        "--set", "output.dir=\"" + temp.resolve("refused") + "\"", "--set", "training.epochs=0",
        "--set", "model.branches.time.from-run=\"" + otherData + "\"",
        "--set", "model.branches.fft.from-run=\"" + fftRun + "\"");
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.err()).contains("model.branches.time.from-run: " + otherData + " was trained on other data")
        .contains("data fingerprint").contains("train records 240 in the run, 320 here");

    Cli.Outcome otherBlock = Cli.run("validate", temp.resolve("hybrid.conf").toString(), "-q",
        "--set", "model.branches.time.model.filters=32", "--set", "model.branches.time.from-run=\"" + timeRun + "\"");
    assertThat(otherBlock.exitCode()).isEqualTo(3);
    assertThat(otherBlock.err()).contains("model.branches.time.model must be configured as the run's model block")
        .contains("filters: 16 in the run, 32 here");

    Cli.Outcome nothingTrained = Cli.run("train", temp.resolve("hybrid.conf").toString(), "-q",
        "--set", "output.dir=\"" + temp.resolve("untrained") + "\"", "--set", "training.epochs=0",
        "--set", "model.branches.time.from-run=\"" + timeRun + "\"");
    assertThat(nothingTrained.exitCode()).isEqualTo(3);
    assertThat(nothingTrained.err()).contains("training.epochs").contains("[fft]").contains("would stay random");
  }

  @Test
  void theFittedFusionDependsOnNoTestLabel() throws IOException {
    List<Path> runs = new ArrayList<>();
    for (String audit : List.of("fusion-baseline", "fusion-changed")) {
      boolean changed = audit.endsWith("changed");
      Path dir = temp.resolve(audit);
      DataAudit.start(audit, dir);
      runs.add(train("hybrid-audited.conf", audit, "dataset.audit=" + audit, "dataset.runs=\"" + dir + "\"",
          "dataset.rotate-labels=" + (changed ? "[test]" : "[]"), "dataset.perturb-signals=" + (changed ? "[test]" : "[]")));
      assertThat(DataAudit.named(audit).leaks()).isEmpty();
    }
    for (String file : List.of("model/fusion.json", "evaluation/thresholds.json", "evaluation/validation.json")) {
      assertThat(Files.readString(runs.get(1).resolve(file))).as(file).isEqualTo(Files.readString(runs.get(0).resolve(file)));
    }
    assertThat(Files.readString(runs.get(1).resolve("evaluation/test.json")))
        .isNotEqualTo(Files.readString(runs.get(0).resolve("evaluation/test.json")));
  }
}
