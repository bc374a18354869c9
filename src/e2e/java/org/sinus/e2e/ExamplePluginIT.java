package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin of src/examples, built outside the reactor against the sinus-api this build
 * made (by maven-invoker-plugin), runs in an experiment of the distribution from a plugin
 * directory, with nothing of it on the distribution's own class path.
 */
class ExamplePluginIT {
  @TempDir
  Path temp;

  private record Outcome(int exitCode, String output) {}

  private static Path distribution() {
    return Path.of(System.getProperty("sinus.distribution.dir", "target/sinus"));
  }

  private static Path exampleJar() throws IOException {
    Path target = Path.of(System.getProperty("sinus.examples.dir", "target/examples"), "plugin-derivative", "target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("sinus-plugin-derivative-.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("the example plugin was not built in " + target));
    }
  }

  private Outcome sinus(Map<String, String> environment, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(distribution().resolve("bin/sinus").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_OPTS", "-Xmx1g");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Outcome(process.exitValue(), output);
  }

  @Test
  void theExamplePluginRunsInAnExperimentFromAPluginDirectory() throws Exception {
    Path plugins = Files.createDirectories(temp.resolve("my-plugins"));
    Files.copy(exampleJar(), plugins.resolve(exampleJar().getFileName()));
    Path experiment = Files.writeString(temp.resolve("derivative.conf"), """
        dataset { type = "synthetic", records = 200 }
        representation { type = "derivative", step = 2 }
        model { type = "resnet1d", filters = 16, head-units = [16] }
        training { epochs = 1, batch-size = 32, threads { intra-op = 1, inter-op = 1 } }
        evaluation.bootstrap.resamples = 50
        output.dir = "runs"
        """);
    Map<String, String> withPlugin = Map.of("SINUS_PLUGINS", plugins.toString());

    Outcome listing = sinus(withPlugin, "plugins");
    assertThat(listing.exitCode()).as(listing.output()).isZero();
    assertThat(listing.output()).contains("derivative  (" + exampleJar().getFileName()).contains("per-second");

    Outcome without = sinus(Map.of(), "validate", experiment.toString());
    assertThat(without.exitCode()).as(without.output()).isEqualTo(3);
    assertThat(without.output()).contains("unknown representation type 'derivative'").contains("Known representation types:");

    Outcome trained = sinus(withPlugin, "train", experiment.toString(), "-q");
    assertThat(trained.exitCode()).as(trained.output()).isZero();
    assertThat(trained.output()).contains("test: macro AUC");
    try (Stream<Path> runs = Files.list(temp.resolve("runs"))) {
      Path run = runs.findFirst().orElseThrow();
      assertThat(Files.readString(run.resolve("provenance.json"))).contains("sinus-plugin-derivative");
      assertThat(Files.readString(run.resolve("representation-state.json"))).contains("\"mean\"");
    }
  }
}
