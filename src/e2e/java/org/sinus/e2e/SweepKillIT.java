package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;

/**
 * A sweep whose process is killed with SIGKILL while a point trains is started again and continues that
 * point's run from its checkpoint, in the same run directory, instead of starting it over.
 */
class SweepKillIT {
  @TempDir
  Path temp;

  @Test
  void aKilledSweepResumesTheInterruptedRun() throws Exception {
    Files.writeString(temp.resolve("base.conf"), "include file(\"" + Experiments.file("quickstart.conf") + "\")\n"
        + "dataset.records = 200\ntraining { epochs = 30, batch-size = 32 }\n"
        + "evaluation.bootstrap.resamples = 100\n");
    Path sweepFile = temp.resolve("killed.conf");
    Files.writeString(sweepFile, "experiment = \"base.conf\"\noutput.dir = \"" + temp.resolve("out") + "\"\n");
    Path sinus = Path.of(System.getProperty("sinus.distribution.dir", "target/sinus")).resolve("bin/sinus")
        .toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(sinus.toString(), "sweep", sweepFile.toString(), "-q")
        .redirectErrorStream(true).redirectOutput(temp.resolve("sweep.log").toFile());
    builder.environment().put("JAVA_OPTS", "-Xmx1g");
    Process sweep = builder.start();
    Path run = waitForCheckpoint(temp.resolve("out/killed/runs"), sweep);
    sweep.descendants().forEach(ProcessHandle::destroyForcibly);
    sweep.destroyForcibly();
    assertThat(sweep.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Config killed = Json.parse(Files.readString(temp.resolve("out/killed/sweep.json"))).getConfigList("points").get(0);
    assertThat(killed.getString("state")).as("what the killed sweep left").isEqualTo("running");

    Cli.Outcome again = Cli.run("sweep", sweepFile.toString(), "-q");
    assertThat(again.exitCode()).as(again.all()).isZero();
    Config resumed = Json.parse(Files.readString(temp.resolve("out/killed/sweep.json"))).getConfigList("points").get(0);
    assertThat(resumed.getString("state")).isEqualTo("completed");
    assertThat(resumed.getInt("attempts")).isEqualTo(2);
    assertThat(temp.resolve("out/killed").resolve(resumed.getString("run"))).isEqualTo(run);
    assertThat(run.resolve("resumes.jsonl")).as("continued from its checkpoint").exists();
    try (Stream<Path> runs = Files.list(temp.resolve("out/killed/runs"))) {
      assertThat(runs.toList()).containsExactly(run);
    }
  }

  private static Path waitForCheckpoint(Path runs, Process sweep) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(runs)) {
        try (Stream<Path> list = Files.list(runs)) {
          List<Path> found = list.toList();
          if (!found.isEmpty() && Files.isDirectory(found.get(0).resolve("checkpoints/epoch-0002"))) {
            return found.get(0);
          }
        }
      }
      assertThat(sweep.isAlive()).as("the sweep is still going").isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("no checkpoint within 5 minutes");
  }
}
