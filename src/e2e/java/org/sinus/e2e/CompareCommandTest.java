package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;
import org.sinus.engine.util.FileTrees;

/**
 * {@code sinus compare} on runs of the quickstart: one trained very briefly (seed 1) and copies of it
 * made into other runs: seed 2 of the same experiment, and two seeds of a wider model, each with its
 * positives' scores raised a little, so that every copy ranks at least as well as the trained run.
 */
class CompareCommandTest {
  @TempDir
  static Path temp;

  private static Path runs;

  @BeforeAll
  static void trainAndCopy() throws IOException {
    Path trained = temp.resolve("trained");
    Cli.Outcome outcome = Cli.run("train", Experiments.file("quickstart.conf").toString(), "-q",
        "--set", "dataset.records=300", "--set", "training.epochs=1", "--set", "training.batch-size=32",
        "--set", "model.filters=16", "--set", "seed=1", "--set", "evaluation.bootstrap.resamples=20",
        "--set", "output.dir=\"" + trained + "\"");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    runs = temp.resolve("runs");
    try (Stream<Path> list = Files.list(trained)) {
      RunCopies.copy(list.findFirst().orElseThrow(), runs.resolve("q1"));
    }
    copy("q2", 2, 16, 0.05f);
    copy("w1", 1, 32, 0.3f);
    copy("w2", 2, 32, 0.25f);
  }

  /** A copy of q1 as a run of another seed and model width whose positives score {@code raise} higher. */
  private static void copy(String name, int seed, int filters, float raise) throws IOException {
    Path run = RunCopies.copy(runs.resolve("q1"), runs.resolve(name));
    Path experiment = run.resolve("experiment.conf");
    String conf = Files.readString(experiment);
    assertThat(conf).containsPattern("(?m)^seed=1$").contains("filters=16");
    Files.writeString(experiment, conf.replaceFirst("(?m)^seed=1$", "seed=" + seed)
        .replace("filters=16", "filters=" + filters));
    Path predictions = run.resolve("evaluation/predictions-test.csv");
    List<String> lines = Files.readAllLines(predictions);
    List<String> raised = new ArrayList<>(List.of(lines.get(0)));
    int classes = (lines.get(0).split(",").length - 1) / 2;
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      for (int k = 0; k < classes; k++) {
        if (fields[1 + classes + k].equals("1")) {
          fields[1 + k] = Float.toString(Float.parseFloat(fields[1 + k]) + raise);
        }
      }
      raised.add(String.join(",", fields));
    }
    Files.write(predictions, raised);
  }

  @Test
  void comparesRunsPairedAndPoolsSeeds() throws IOException {
    Path out = temp.resolve("comparison");
    Cli.Outcome outcome = Cli.run("compare", runs.resolve("q1").toString(), runs.resolve("q2").toString(),
        runs.resolve("w1").toString(), runs.resolve("w2").toString(), "--out", out.toString(), "--resamples", "200", "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    assertThat(outcome.out()).contains("# Comparison of 4 runs: test")
        .endsWith("report: " + out.resolve("comparison.md") + "\nreport: " + out.resolve("comparison.json")
            + "\nreport: " + out.resolve("forest.png") + "\nreport: " + out.resolve("report.html") + "\n");
    assertThat(out.resolve("forest.png")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("report.html"))).contains("<h1>Comparison of 4 runs: test</h1>")
        .contains("<h2>Paired differences from the baseline</h2>").contains("<img alt=\"Macro AUC of each run and its "
            + "paired difference from the baseline\" src=\"data:image/png;base64,");

    Config json = Json.parse(Files.readString(out.resolve("comparison.json")));
    assertThat(json.getString("baseline")).isEqualTo("q1");
    assertThat(json.getInt("bootstrap.resamples")).isEqualTo(200);
    List<? extends Config> compared = json.getConfigList("runs");
    assertThat(compared).extracting(run -> run.getString("run")).containsExactly("q1", "q2", "w1", "w2");
    assertThat(compared).extracting(run -> run.getLong("seed")).containsExactly(1L, 2L, 1L, 2L);
    // read back from the predictions file, the baseline's macro AUC is the one its evaluation reported
    Config evaluation = Json.parse(Files.readString(runs.resolve("q1/evaluation/test.json")));
    assertThat(compared.get(0).getDouble("macro_auc.value")).isEqualTo(evaluation.getDouble("headlines.macro_auc.value"));
    for (Config run : compared) {
      assertThat(run.getDouble("macro_auc.ci_lower")).isLessThanOrEqualTo(run.getDouble("macro_auc.value"));
      assertThat(run.getDouble("macro_auc.ci_upper")).isGreaterThanOrEqualTo(run.getDouble("macro_auc.value"));
      assertThat(run.getConfig("class_auc").root()).isNotEmpty();
    }

    List<? extends Config> differences = json.getConfigList("differences");
    assertThat(differences).extracting(d -> d.getString("run")).containsExactly("q2", "w1", "w2");
    Config wide = differences.get(1);
    assertThat(wide.getDouble("macro_auc.value")).isPositive()
        .isEqualTo(compared.get(2).getDouble("macro_auc.value") - compared.get(0).getDouble("macro_auc.value"));
    assertThat(wide.getDouble("macro_auc.ci_lower")).as("raising every positive never ranks a pair worse").isNotNegative();
    assertThat(wide.getDouble("macro_auc.share_better")).isGreaterThan(0.5);

    List<? extends Config> groups = json.getConfigList("seed_groups");
    assertThat(groups).extracting(g -> g.getString("group")).containsExactly("quickstart (model.filters=16)", "quickstart (model.filters=32)");
    assertThat(groups.get(0).getStringList("runs")).containsExactly("q1", "q2");
    double mean = (compared.get(0).getDouble("macro_auc.value") + compared.get(1).getDouble("macro_auc.value")) / 2;
    assertThat(groups.get(0).getDouble("macro_auc_mean.value")).isCloseTo(mean, within(1e-12));
    List<? extends Config> groupDifferences = json.getConfigList("group_differences");
    assertThat(groupDifferences).hasSize(1);
    assertThat(groupDifferences.get(0).getString("baseline")).isEqualTo("quickstart (model.filters=16)");
    assertThat(groupDifferences.get(0).getDouble("mean_macro_auc.value")).isPositive();

    String markdown = Files.readString(out.resolve("comparison.md"));
    assertThat(markdown).contains("| q1 (baseline) | quickstart | 1 | ")
        .contains("## Paired differences from the baseline").contains("| w1 | +")
        .contains("## Seeds").contains("| quickstart (model.filters=16) (baseline) | q1, q2 | 1, 2 | ")
        .contains("## Per-class AUC").contains("| class | q1 | q2 | w1 | w2 |")
        .contains("![Macro AUC of each run and its paired difference from the baseline](forest.png)")
        .contains("runs q1 and w1 are both of experiment quickstart but differ in model.filters");
  }

  @Test
  void withoutOutTheComparisonGoesBesideTheRunsDirectory() throws IOException {
    Cli.Outcome outcome = Cli.run("compare", runs.resolve("q1").toString(), runs.resolve("w1").toString(),
        "--baseline", runs.resolve("w1").toString(), "--resamples", "50", "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    Path comparisons = temp.resolve("comparisons");
    try (Stream<Path> made = Files.list(comparisons)) {
      Path directory = made.filter(d -> d.getFileName().toString().startsWith("compare-")).findFirst().orElseThrow();
      assertThat(outcome.out()).contains("report: " + directory.resolve("comparison.md"));
      assertThat(Json.parse(Files.readString(directory.resolve("comparison.json"))).getString("baseline")).isEqualTo("w1");
      FileTrees.delete(directory);
    }
    try (Stream<Path> inRuns = Files.walk(runs)) {
      assertThat(inRuns.filter(p -> p.getFileName().toString().startsWith("comparison"))).isEmpty();
    }
  }

  @Test
  void missingRunsAndEvaluationsAreRunErrorsAndMismatchedRunsUsageErrors() throws IOException {
    Path q1 = runs.resolve("q1");
    Cli.Outcome missing = Cli.run("compare", q1.toString(), temp.resolve("nowhere").toString(), "-q");
    assertThat(missing.exitCode()).isEqualTo(5);
    assertThat(missing.err()).contains("no run directory " + temp.resolve("nowhere"));

    Path unevaluated = RunCopies.copy(q1, temp.resolve("unevaluated"));
    FileTrees.delete(unevaluated.resolve("evaluation"));
    Cli.Outcome notEvaluated = Cli.run("compare", q1.toString(), unevaluated.toString(), "-q");
    assertThat(notEvaluated.exitCode()).isEqualTo(5);
    assertThat(notEvaluated.err()).contains("run " + unevaluated + " has no evaluation/predictions-test.csv")
        .contains("sinus evaluate " + unevaluated + " --split test");

    Path otherRecords = RunCopies.copy(q1, temp.resolve("other-records"));
    Path predictions = otherRecords.resolve("evaluation/predictions-test.csv");
    List<String> lines = Files.readAllLines(predictions);
    Files.write(predictions, lines.subList(0, lines.size() - 2));
    Cli.Outcome mismatched = Cli.run("compare", q1.toString(), otherRecords.toString(), "-q");
    assertThat(mismatched.exitCode()).isEqualTo(2);
    assertThat(mismatched.err()).contains("runs q1 and other-records cannot be compared")
        .contains("different test records");

    assertThat(Cli.run("compare", q1.toString(), "-q").exitCode()).isEqualTo(2);
    Cli.Outcome inside = Cli.run("compare", q1.toString(), runs.resolve("q2").toString(), "--out",
        q1.resolve("comparison").toString(), "--resamples", "10", "-q");
    assertThat(inside.exitCode()).isEqualTo(2);
    assertThat(inside.err()).contains("comparisons never write into a run directory");
    assertThat(q1.resolve("comparison")).doesNotExist();
  }
}
