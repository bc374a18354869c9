package org.sinus.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.data.DataContext;
import org.sinus.api.util.Json;
import org.sinus.api.util.Progress;
import org.sinus.cli.CompositionRoot;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.report.RunReport;
import org.sinus.engine.run.ExperimentRunner;
import org.sinus.engine.sweep.SweepEngines;
import org.sinus.engine.sweep.SweepFile;
import org.sinus.engine.sweep.SweepLoader;
import org.sinus.engine.sweep.SweepRunner;
import org.sinus.engine.sweep.SweepState;

/**
 * The spark engine on an embedded {@code local[2]} master: a 2-point sweep of tiny synthetic runs (200 records,
 * 1 epoch, 16 filters) trains both points as Spark tasks, running it again skips them, and after a driver
 * that was killed before it recorded a run, the run is found where its executor left it.
 */
class SparkSweepEngineTest {
  @TempDir
  Path dir;

  @Test
  void theSparkEngineIsFoundByItsType() {
    assertThat(SweepEngines.known()).containsExactly("local", "spark");
    assertThat(SweepEngines.named("spark")).containsInstanceOf(SparkSweepEngine.class);
  }

  @Test
  void anEmbeddedMasterDividesTheCoresAmongItsTasksAndAClusterKeepsTheExperimentsThreads() {
    SparkSweepEngine engine = new SparkSweepEngine();
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(engine.threadSettings(new SweepFile.EngineSettings("spark", 1, "local[1]", true, 256)))
        .containsExactly("training.threads.intra-op=" + cores, "training.threads.inter-op=" + cores);
    assertThat(engine.threadSettings(new SweepFile.EngineSettings("spark", 1, "local[*]", true, 256)))
        .containsExactly("training.threads.intra-op=1", "training.threads.inter-op=1");
    assertThat(engine.threadSettings(new SweepFile.EngineSettings("spark", 1, "local[" + (4 * cores) + ",2]", true, 256)))
        .as("never fewer than one").containsExactly("training.threads.intra-op=1", "training.threads.inter-op=1");
    assertThat(engine.threadSettings(new SweepFile.EngineSettings("spark", 1, "spark://127.0.0.1:7077", true, 256))).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSweepRunsAsSparkTasksOnLocal2AndARestartSkipsTheFinishedPoints() throws IOException {
    Path quickstart = Path.of("../../experiments/quickstart.conf").toAbsolutePath().normalize();
    Files.writeString(dir.resolve("base.conf"), "include file(\"" + quickstart + "\")\n"
        + "dataset.records = 200\ntraining { epochs = 1, batch-size = 32 }\nmodel.filters = 16\n"
        + "evaluation.bootstrap.resamples = 100\n");
    Path file = dir.resolve("grid.conf");
    Files.writeString(file, """
        name = "grid"
        experiment = "base.conf"
        grid { seed = [1, 2] }
        engine { type = "spark", master = "local[2]" }
        output.dir = "%s"
        """.formatted(dir.resolve("out")));
    PluginRegistry registry = CompositionRoot.load();
    SweepFile sweep = new SweepLoader(registry.reference()).load(file);
    assertThat(sweep.engine()).isEqualTo(new SweepFile.EngineSettings("spark", 1, "local[2]", true, 256));
    ExperimentRunner runner = new ExperimentRunner(registry, Progress.NONE, DataContext.defaults(Progress.NONE),
        run -> RunReport.write(run.path()));

    SweepRunner.Outcome first = new SweepRunner(registry, runner).run(sweep);
    assertThat(first.skipped()).isZero();
    assertThat(first.failed()).isEmpty();
    assertThat(first.runs()).extracting(SweepState.Entry::point).containsExactly("seed=1", "seed=2");
    for (SweepState.Entry entry : first.runs()) {
      assertThat(entry.state()).isEqualTo(SweepState.COMPLETED);
      assertThat(entry.attempts()).isEqualTo(1);
      Path run = first.directory().resolve(entry.run());
      assertThat(Json.parse(Files.readString(run.resolve("status.json"))).getString("state")).isEqualTo("completed");
      assertThat(Files.readString(run.resolve("experiment.conf")))
          .containsPattern("(?m)^seed=" + entry.point().substring(5) + "$");
    }
    assertThat(Json.parse(Files.readString(first.directory().resolve(SweepState.FILE))).getConfigList("points"))
        .as("the driver recorded what the tasks returned")
        .allSatisfy(point -> assertThat(point.getString("state")).isEqualTo("completed"));
    List<Path> runsBefore = runDirectories(first.directory());
    assertThat(runsBefore).hasSize(2);

    SweepRunner.Outcome second = new SweepRunner(registry, runner).run(sweep);
    assertThat(second.skipped()).isEqualTo(2);
    assertThat(second.runs()).isEqualTo(first.runs());
    assertThat(runDirectories(second.directory())).isEqualTo(runsBefore);

    // a driver killed before its job returned has recorded nothing of it: seed=1 is pending again in
    // sweep.json, and only what the executor wrote to <sweep>/spark/ knows its run directory
    Path state = first.directory().resolve(SweepState.FILE);
    Map<String, Object> json = new LinkedHashMap<>(Json.parse(Files.readString(state)).root().unwrapped());
    List<Map<String, Object>> points = new ArrayList<>();
    for (Object point : (List<?>) json.get("points")) {
      Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) point);
      if (entry.get("point").equals("seed=1")) {
        entry.putAll(Map.of("state", "pending", "attempts", 0));
        entry.put("run", null);
      }
      points.add(entry);
    }
    json.put("points", points);
    Files.writeString(state, Json.pretty(json));
    SweepRunner.Outcome third = new SweepRunner(registry, runner).run(sweep);
    assertThat(third.skipped()).isEqualTo(1);
    assertThat(third.runs()).as("seed=1 is found completed in its run directory, not trained again")
        .isEqualTo(first.runs());
    assertThat(runDirectories(third.directory())).isEqualTo(runsBefore);
  }

  /**
   * A sweep of two seeds of a CWT model: before the runs, one Spark job builds the three scalogram caches they
   * share (training, validation and test records) in tasks of 32 records, the driver joins the parts, and both
   * runs reuse the files instead of building them.
   */
  @Test
  void theScalogramCachesOfASweepAreBuiltAsASparkJobOverRangesOfRecordsAndReusedByItsRuns() throws IOException {
    Path quickstart = Path.of("../../experiments/quickstart.conf").toAbsolutePath().normalize();
    Files.writeString(dir.resolve("cwt.conf"), "include file(\"" + quickstart + "\")\n" + """
        dataset.records = 200
        representation = null
        representation { type = "cwt", wavelet = "morlet", scales { count = 8, min-hz = 1, max-hz = 40 } }
        model = null
        model { type = "cnn2d", filters = [8, 16], time-pool = 4 }
        training { epochs = 1, batch-size = 32 }
        evaluation.bootstrap.resamples = 100
        explain = null
        """);
    Path file = dir.resolve("cwt-grid.conf");
    Files.writeString(file, """
        experiment = "cwt.conf"
        grid { seed = [1, 2] }
        engine { type = "spark", master = "local[2]", cache-task-records = 32 }
        output.dir = "%s"
        """.formatted(dir.resolve("out")));
    Path cacheDir = dir.resolve("cache");
    String before = System.getProperty("sinus.cache.dir");
    System.setProperty("sinus.cache.dir", cacheDir.toString());
    Logger log = Logger.getLogger(SparkSweepEngine.class.getName());
    List<String> messages = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        messages.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(handler);
    try {
      PluginRegistry registry = CompositionRoot.load();
      SweepFile sweep = new SweepLoader(registry.reference()).load(file);
      ExperimentRunner runner = new ExperimentRunner(registry, Progress.NONE, DataContext.defaults(Progress.NONE),
          run -> RunReport.write(run.path()));
      SweepRunner.Outcome outcome = new SweepRunner(registry, runner).run(sweep);
      assertThat(outcome.failed()).isEmpty();
      // 200 records: 160 training (5 tasks of 32), 20 validation and 20 test (a task each)
      assertThat(messages).anySatisfy(message -> assertThat(message).contains("3 cache files built by 7 Spark tasks"));
      try (Stream<Path> files = Files.list(cacheDir.resolve("cwt"))) {
        assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).as("the files, no parts left")
            .hasSize(3).allMatch(name -> name.endsWith(".f16"));
      }
      for (SweepState.Entry entry : outcome.runs()) {
        String runLog = Files.readString(outcome.directory().resolve(entry.run()).resolve("run.log"));
        assertThat(runLog).as(entry.point()).doesNotContain("building the scalogram cache")
            .containsPattern("(?s)scalogram cache reused.*scalogram cache reused.*scalogram cache reused");
      }
    } finally {
      log.removeHandler(handler);
      if (before == null) {
        System.clearProperty("sinus.cache.dir");
      } else {
        System.setProperty("sinus.cache.dir", before);
      }
    }
  }

  private static List<Path> runDirectories(Path sweep) throws IOException {
    try (Stream<Path> runs = Files.list(sweep.resolve("runs"))) {
      return runs.sorted().toList();
    }
  }
}
