package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;

/**
 * {@code sinus sweep} end to end on tiny synthetic runs (200 records, 1 epoch, 16 filters): two points run
 * two at once while a third fails at training time, is retried and reported; a second invocation skips
 * the completed point, continues the one a kill interrupted, and makes no new run directory. A 3-fold
 * cross-validation of two points is aggregated by {@code sinus compare <sweep-dir>}.
 */
class SweepCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private Path sweepFile(String name, String points) throws IOException {
    return write(name, """
        name = "grid"
        experiment = "base.conf"
        grid { seed = [1, 2] }
        %s
        engine { type = "local", parallelism = 2 }
        retries = 1
        output.dir = "%s"
        """.formatted(points, dir.resolve("out")));
  }

  private Map<String, Config> entriesByPoint() throws IOException {
    Config state = Json.parse(Files.readString(dir.resolve("out/grid/sweep.json")));
    return state.getConfigList("points").stream()
        .collect(java.util.stream.Collectors.toMap(c -> c.getString("point"), c -> c));
  }

  private List<Path> runDirectories() throws IOException {
    try (Stream<Path> runs = Files.list(dir.resolve("out/grid/runs"))) {
      return runs.sorted().toList();
    }
  }

  @Test
  void sweepRunsEveryPointRetriesFailuresAndResumesWithoutRedoingCompletedRuns() throws IOException {
    write("base.conf", "include file(\"" + Experiments.file("quickstart.conf") + "\")\n"
        + "dataset.records = 200\ntraining { epochs = 1, batch-size = 32 }\nmodel.filters = 16\n"
        + "evaluation.bootstrap.resamples = 100\n");
    // 512 validates but is more than the ~160 training records: the run fails when training starts
    Path withFailure = sweepFile("grid.conf", "points = [{ \"training.batch-size\" = 512 }]");

    Cli.Outcome first = Cli.run("sweep", withFailure.toString(), "-q");
    assertThat(first.exitCode()).as(first.all()).isEqualTo(5);
    assertThat(first.all()).contains("1 of 3 runs failed").contains("fewer than one batch of 512");
    Map<String, Config> entries = entriesByPoint();
    assertThat(entries).containsOnlyKeys("seed=1", "seed=2", "training.batch-size=512");
    Config failed = entries.get("training.batch-size=512");
    assertThat(failed.getString("state")).isEqualTo("failed");
    assertThat(failed.getInt("attempts")).as("tried once and retried once").isEqualTo(2);
    assertThat(failed.getString("error")).contains("fewer than one batch of 512");
    for (String point : List.of("seed=1", "seed=2")) {
      Config entry = entries.get(point);
      assertThat(entry.getString("state")).isEqualTo("completed");
      assertThat(entry.getInt("attempts")).isEqualTo(1);
      Path run = dir.resolve("out/grid").resolve(entry.getString("run"));
      assertThat(Json.parse(Files.readString(run.resolve("status.json"))).getString("state")).isEqualTo("completed");
      assertThat(Files.readString(run.resolve("experiment.conf"))).containsPattern("(?m)^seed=" + point.substring(5) + "$");
    }
    assertThat(runDirectories()).as("two completed runs and two failed attempts").hasSize(4);

    // a kill while seed=2 trained: its sweep entry and run say "running", and no process holds the run
    Path interrupted = dir.resolve("out/grid").resolve(entries.get("seed=2").getString("run"));
    Files.writeString(interrupted.resolve("status.json"), "{\"state\": \"running\", \"pid\": 1}\n");
    Path stateFile = dir.resolve("out/grid/sweep.json");
    Files.writeString(stateFile, Files.readString(stateFile).replaceFirst(
        "(\"point\": \"seed=2\",[^}]*\"state\": )\"completed\"", "$1\"running\""));
    assertThat(entriesByPoint().get("seed=2").getString("state")).isEqualTo("running");
    List<Path> before = runDirectories();

    Cli.Outcome second = Cli.run("sweep", sweepFile("grid-again.conf", "").toString(), "-q");
    assertThat(second.exitCode()).as(second.all()).isZero();
    assertThat(second.out()).contains("(2 runs, 1 completed before)");
    assertThat(runDirectories()).as("no new run directory").isEqualTo(before);
    Map<String, Config> after = entriesByPoint();
    assertThat(after.get("seed=1").root().unwrapped()).as("the completed point is untouched")
        .isEqualTo(entries.get("seed=1").root().unwrapped());
    assertThat(after.get("seed=2").getString("state")).isEqualTo("completed");
    assertThat(after.get("seed=2").getString("run")).isEqualTo(entries.get("seed=2").getString("run"));
    assertThat(after.get("seed=2").getInt("attempts")).isEqualTo(2);
    assertThat(Json.parse(Files.readString(interrupted.resolve("status.json"))).getString("state"))
        .isEqualTo("completed");
    assertThat(after.get("training.batch-size=512").getString("state"))
        .as("a point the sweep file no longer has stays listed as it was").isEqualTo("failed");
  }

  @Test
  void crossValidationTestsEachFoldOnceAndCompareAggregatesTheSweep() throws Exception {
    // 200 synthetic records fall into folds 1..10 of 20 each; a 3-fold cross-validation uses folds 1..3
    write("base.conf", "include file(\"" + Experiments.file("quickstart.conf") + "\")\n"
        + "dataset.records = 200\ntraining { epochs = 1, batch-size = 8 }\nmodel.filters = 16\n"
        + "evaluation.bootstrap.resamples = 100\n");
    Path sweep = write("cv.conf", """
        experiment = "base.conf"
        grid { "training.schedule.max-lr" = [0.01, 0.001] }
        cross-validation { folds = 3 }
        output.dir = "%s"
        """.formatted(dir.resolve("out")));

    Cli.Outcome outcome = Cli.run("sweep", sweep.toString(), "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    Config state = Json.parse(Files.readString(dir.resolve("out/cv/sweep.json")));
    List<? extends Config> runs = state.getConfigList("points");
    assertThat(runs).extracting(c -> c.getString("point")).containsExactly("training.schedule.max-lr=0.01, test fold 1",
        "training.schedule.max-lr=0.01, test fold 2", "training.schedule.max-lr=0.01, test fold 3",
        "training.schedule.max-lr=0.001, test fold 1", "training.schedule.max-lr=0.001, test fold 2",
        "training.schedule.max-lr=0.001, test fold 3");
    for (int k = 1; k <= 3; k++) {
      Config run = runs.get(k - 1);
      assertThat(run.getString("state")).isEqualTo("completed");
      Path directory = dir.resolve("out/cv").resolve(run.getString("run"));
      Config data = Json.parse(Files.readString(directory.resolve("provenance.json"))).getConfig("data");
      assertThat(List.of(data.getInt("train_records"), data.getInt("validation_records"), data.getInt("test_records")))
          .as("fold " + k).containsExactly(20, 20, 20);
      assertThat(Files.readString(directory.resolve("experiment.conf")))
          .containsPattern("(?m)^\\s*test=\\[\\s*" + k + "\\s*\\]")
          .containsPattern("(?m)^\\s*validation=\\[\\s*" + (k % 3 + 1) + "\\s*\\]");
    }

    Path out = dir.resolve("comparison");
    Cli.Outcome compared = Cli.run("compare", dir.resolve("out/cv").toString(), "--out", out.toString(),
        "--resamples", "50", "-q");
    assertThat(compared.exitCode()).as(compared.all()).isZero();
    Config json = Json.parse(Files.readString(out.resolve("comparison.json")));
    assertThat(json.getInt("folds")).isEqualTo(3);
    assertThat(json.getInt("records")).as("every record of folds 1..3 once").isEqualTo(60);
    assertThat(json.getString("baseline")).isEqualTo("training.schedule.max-lr=0.01");
    List<? extends Config> pooled = json.getConfigList("pooled");
    assertThat(pooled).extracting(p -> p.getString("point")).containsExactly("training.schedule.max-lr=0.01",
        "training.schedule.max-lr=0.001");
    assertThat(pooled).allSatisfy(p -> assertThat(p.getStringList("runs")).hasSize(3));
    Config difference = json.getConfigList("differences").get(0);
    assertThat(difference.getString("point")).isEqualTo("training.schedule.max-lr=0.001");
    assertThat(difference.getDouble("macro_auc.value")).isCloseTo(pooled.get(1).getDouble("macro_auc.value")
        - pooled.get(0).getDouble("macro_auc.value"), within(1e-12));
    assertThat(compared.out()).contains("3-fold cross-validation").contains("60 records")
        .contains("## Paired differences from the baseline point");

    Cli.Outcome mixed = Cli.run("compare", dir.resolve("out/cv").toString(), pooled.get(0).getStringList("runs").get(0),
        "-q");
    assertThat(mixed.exitCode()).as(mixed.all()).isEqualTo(2);
    assertThat(mixed.err()).contains("give one sweep directory alone");

    String page = HeadlessBrowser.onPath().dumpDom(out.resolve("report.html"));
    assertThat(page).contains("<h1>Sweep cv: 2 grid points, test</h1>").contains("Pooled out-of-fold metrics");
  }
  /**
   * A grid over two base experiments (the time-domain quickstart and a CWT variant of it): the scalogram caches
   * the CWT run needs are built before the runs, so that its run only reuses them; compare takes the CWT point as
   * its baseline by a part of its label and gives every point a macro F1 too.
   */
  @Test
  void aGridOverExperimentsBuildsTheCachesBeforeItsRunsAndComparesWithANamedBaseline() throws Exception {
    String small = "dataset.records = 200\ntraining { epochs = 1, batch-size = 16 }\n"
        + "evaluation.bootstrap.resamples = 100\nexplain = null\n";
    write("time.conf", "include file(\"" + Experiments.file("quickstart.conf") + "\")\n" + small + "model.filters = 16\n");
    write("cwt.conf", "include file(\"" + Experiments.file("quickstart.conf") + "\")\n" + small + """
        representation = null
        representation { type = "cwt", wavelet = "morlet", scales { count = 8, min-hz = 1, max-hz = 40 } }
        model = null
        model { type = "cnn2d", filters = [8, 16], time-pool = 4 }
        """);
    Path sweep = write("models.conf", """
        experiment = "time.conf"
        grid { experiment = ["time.conf", "cwt.conf"] }
        output.dir = "%s"
        """.formatted(dir.resolve("out")));
    Path cacheDir = dir.resolve("cache");
    String before = System.getProperty("sinus.cache.dir");
    System.setProperty("sinus.cache.dir", cacheDir.toString());
    try {
      Cli.Outcome outcome = Cli.run("sweep", sweep.toString(), "-q");
      assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    } finally {
      if (before == null) {
        System.clearProperty("sinus.cache.dir");
      } else {
        System.setProperty("sinus.cache.dir", before);
      }
    }
    Map<String, Config> runs = new java.util.HashMap<>();
    Json.parse(Files.readString(dir.resolve("out/models/sweep.json"))).getConfigList("points")
        .forEach(point -> runs.put(point.getString("point"), point));
    assertThat(runs).containsOnlyKeys("experiment=\"time.conf\"", "experiment=\"cwt.conf\"");
    Path cwtRun = dir.resolve("out/models").resolve(runs.get("experiment=\"cwt.conf\"").getString("run"));
    assertThat(Files.readString(cwtRun.resolve("experiment.conf"))).contains("cnn2d");
    try (Stream<Path> files = Files.list(cacheDir.resolve("cwt"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".f16")).count())
          .as("the training, validation and test records' scalograms").isEqualTo(3);
    }
    assertThat(Files.readString(cwtRun.resolve("run.log"))).doesNotContain("building the scalogram cache")
        .contains("scalogram cache reused");

    Path out = dir.resolve("comparison");
    Cli.Outcome compared = Cli.run("compare", dir.resolve("out/models").toString(), "--baseline", "cwt",
        "--out", out.toString(), "--resamples", "50", "-q");
    assertThat(compared.exitCode()).as(compared.all()).isZero();
    Config json = Json.parse(Files.readString(out.resolve("comparison.json")));
    assertThat(json.getString("baseline")).isEqualTo("experiment=\"cwt.conf\"");
    assertThat(json.getConfigList("pooled")).allSatisfy(point ->
        assertThat(point.getDouble("macro_f1.value")).isBetween(0.0, 1.0));
    assertThat(json.getConfigList("differences")).singleElement()
        .satisfies(d -> assertThat(d.getString("point")).isEqualTo("experiment=\"time.conf\""));
    Cli.Outcome unknown = Cli.run("compare", dir.resolve("out/models").toString(), "--baseline", "xresnet", "-q");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--baseline xresnet is not in the label of any compared grid point; the points "
        + "are: experiment=\"time.conf\"; experiment=\"cwt.conf\"");
  }
}
