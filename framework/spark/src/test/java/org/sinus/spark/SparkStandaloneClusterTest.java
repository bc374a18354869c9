package org.sinus.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.data.DataContext;
import org.sinus.api.util.Progress;
import org.sinus.cli.CompositionRoot;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.report.RunReport;
import org.sinus.engine.run.ExperimentRunner;
import org.sinus.engine.sweep.SweepFile;
import org.sinus.engine.sweep.SweepLoader;
import org.sinus.engine.sweep.SweepRunner;
import org.sinus.engine.sweep.SweepState;

/**
 * The spark engine on a real Spark standalone cluster on 127.0.0.1: a master and one worker (2 cores) started
 * as child JVMs from the Maven jars on the test class path (no Spark download), and a 2-point tiny synthetic
 * sweep submitted to {@code spark://127.0.0.1:<port>}; its runs train in the worker's executor JVM.
 */
class SparkStandaloneClusterTest {
  private static final List<String> DRIVER_PROPERTIES = List.of("spark.driver.host", "spark.driver.bindAddress",
      "spark.executor.extraClassPath", "spark.executor.extraJavaOptions", "spark.executor.memory",
      "spark.ui.enabled");

  /** Kept when the test fails: the master's, worker's and executors' logs are in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aSweepSubmittedToAStandaloneMasterRunsOnItsWorker() throws Exception {
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    List<Process> cluster = new ArrayList<>();
    try {
      cluster.add(start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
          String.valueOf(port), "--webui-port", String.valueOf(freePort())));
      awaitPort(port, cluster.get(0));
      cluster.add(start("worker", "org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1",
          "--cores", "2", "--memory", "3g", "--webui-port", String.valueOf(freePort()),
          "--work-dir", dir.resolve("work").toString()));
      System.setProperty("spark.driver.host", "127.0.0.1");
      System.setProperty("spark.driver.bindAddress", "127.0.0.1");
      System.setProperty("spark.executor.extraClassPath", System.getProperty("java.class.path"));
      System.setProperty("spark.executor.extraJavaOptions", jvmOptions());
      System.setProperty("spark.executor.memory", "2g");
      System.setProperty("spark.ui.enabled", "false");

      SweepRunner.Outcome outcome = sweep(master);
      assertThat(outcome.failed()).as(logs()).isEmpty();
      assertThat(outcome.runs()).extracting(SweepState.Entry::state).containsExactly("completed", "completed");
      try (var executors = Files.walk(dir.resolve("work"))) {
        assertThat(executors.filter(path -> path.getFileName().toString().equals("stderr")).toList())
            .as("the runs trained in the worker's executor JVM").isNotEmpty()
            .anySatisfy(stderr -> assertThat(Files.readString(stderr)).contains("sweep: running seed="));
      }
    } finally {
      DRIVER_PROPERTIES.forEach(System::clearProperty);
      for (int i = cluster.size() - 1; i >= 0; i--) {
        Process process = cluster.get(i);
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  private SweepRunner.Outcome sweep(String master) throws IOException {
    Path quickstart = Path.of("../../experiments/quickstart.conf").toAbsolutePath().normalize();
    Files.writeString(dir.resolve("base.conf"), "include file(\"" + quickstart + "\")\n"
        + "dataset.records = 200\ntraining { epochs = 1, batch-size = 32 }\nmodel.filters = 16\n"
        + "evaluation.bootstrap.resamples = 100\n");
    Path file = dir.resolve("grid.conf");
    Files.writeString(file, """
        name = "grid"
        experiment = "base.conf"
        grid { seed = [1, 2] }
        engine { type = "spark", master = "%s" }
        retries = 0
        output.dir = "%s"
        """.formatted(master, dir.resolve("out")));
    PluginRegistry registry = CompositionRoot.load();
    SweepFile sweep = new SweepLoader(registry.reference()).load(file);
    ExperimentRunner runner = new ExperimentRunner(registry, Progress.NONE, DataContext.defaults(Progress.NONE),
        run -> RunReport.write(run.path()));
    return new SweepRunner(registry, runner).run(sweep);
  }

  /** A Spark daemon in a child JVM with this test's class path, its output in {@code <dir>/<name>.log}. */
  private Process start(String name, String mainClass, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m"));
    command.addAll(Arrays.asList(jvmOptions().split(" ")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(Arrays.asList(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    // the worker builds its executors' command from SPARK_HOME: with SPARK_TESTING and the Scala version named it
    // needs no jars/ there (the executors get this class path as spark.executor.extraClassPath)
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
    builder.environment().putAll(Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_TESTING", "1",
        "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1"));
    return builder.start();
  }

  private static String jvmOptions() {
    return System.getProperty("sinus.spark.jvm.options", "").trim();
  }

  private String logs() {
    StringBuilder logs = new StringBuilder();
    for (String name : List.of("master", "worker")) {
      try {
        logs.append(name).append(".log:\n").append(Files.readString(dir.resolve(name + ".log")));
      } catch (IOException e) {
        logs.append(name).append(".log: ").append(e.getMessage());
      }
    }
    return logs.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitPort(int port, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the master is running: " + logs()).isTrue();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("the master did not listen on " + port + " within 60 s: " + logs());
  }
}
