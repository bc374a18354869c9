package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;

/**
 * A run killed with SIGKILL is reported as interrupted (not "running" forever) with the command
 * that continues it; a completed run is not trained again, and evaluating it again keeps the
 * earlier evaluation.
 */
class RunStateIT {
  @TempDir
  Path temp;

  @Test
  void aKilledRunIsInterruptedAndResumesAndCompletedResultsAreNeverReplacedSilently() throws Exception {
    Path sinus = Path.of(System.getProperty("sinus.distribution.dir", "target/sinus")).resolve("bin/sinus")
        .toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(sinus.toString(), "train", Experiments.file("quickstart.conf").toString(),
        "-q", "--set", "dataset.records=200", "--set", "training.epochs=30", "--set", "training.batch-size=32",
        "--set", "output.dir=\"" + temp.resolve("runs") + "\"").redirectErrorStream(true)
        .redirectOutput(temp.resolve("train.log").toFile());
    builder.environment().put("JAVA_OPTS", "-Xmx1g");
    Process training = builder.start();
    Path run = waitForCheckpoint(temp.resolve("runs"), training);
    // kill -9 the JVM under the launcher (the shell's children), and wait until each has ended: the
    // shell can end before the JVM it runs has released its files (the run's lock among them)
    List<ProcessHandle> children = training.descendants().toList();
    children.forEach(ProcessHandle::destroyForcibly);
    training.destroyForcibly();
    assertThat(training.waitFor(30, TimeUnit.SECONDS)).isTrue();
    for (ProcessHandle child : children) {
      child.onExit().get(30, TimeUnit.SECONDS);
    }
    assertThat(Json.parse(Files.readString(run.resolve("status.json"))).getString("state"))
        .as("what the killed process left").isEqualTo("running");

    Cli.Outcome status = Cli.run("status", run.toString());
    assertThat(status.exitCode()).isEqualTo(5);
    assertThat(status.out()).contains(run + ": interrupted: its process ended without finishing")
        .contains("continue it with sinus train --resume " + run);

    Cli.Outcome resumed = Cli.run("train", "--resume", run.toString(), "-q", "--set", "training.threads.intra-op=1");
    assertThat(resumed.exitCode()).as(resumed.all()).isZero();
    assertThat(Cli.run("status", run.toString()).out()).contains(run + ": completed");

    Cli.Outcome again = Cli.run("train", "--resume", run.toString(), "-q");
    assertThat(again.exitCode()).isEqualTo(5);
    assertThat(again.err()).contains("is complete; its model and evaluation stay as they are");

    String evaluation = Files.readString(run.resolve("evaluation/test.md"));
    Cli.Outcome evaluated = Cli.run("evaluate", run.toString());
    assertThat(evaluated.exitCode()).as(evaluated.all()).isZero();
    assertThat(evaluated.err()).contains("the earlier evaluation of " + run + " was kept in " + run.resolve("evaluation-"));
    assertThat(evaluated.out()).contains("report: " + run.resolve("evaluation/test.md"));
    try (Stream<Path> kept = Files.list(run)) {
      List<Path> earlier = kept.filter(p -> p.getFileName().toString().startsWith("evaluation-")).toList();
      assertThat(earlier).hasSize(1);
      assertThat(Files.readString(earlier.get(0).resolve("test.md"))).isEqualTo(evaluation);
    }
  }

  private static Path waitForCheckpoint(Path runs, Process training) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(runs)) {
        try (Stream<Path> list = Files.list(runs)) {
          Path run = list.findFirst().orElse(null);
          if (run != null && Files.isDirectory(run.resolve("checkpoints/epoch-0002"))) {
            return run;
          }
        }
      }
      assertThat(training.isAlive()).as("the training is still going").isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("no checkpoint within 5 minutes");
  }
}
