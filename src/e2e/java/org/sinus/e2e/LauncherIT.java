package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user runs it: only Sinus's own output (no JVM warnings, no TensorFlow start-up
 * lines) unless -v asks for more, exit codes kept, and experiments that load the same from any
 * working directory.
 */
class LauncherIT {
  @TempDir
  Path temp;

  private record Outcome(int exitCode, String out, String err) {}

  private Outcome sinus(Path directory, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("sinus.distribution.dir",
        "target/sinus")).resolve("bin/sinus").toAbsolutePath().toString()));
    command.addAll(List.of(arguments));
    Path out = temp.resolve("out.txt");
    Path err = temp.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("JAVA_OPTS", "-Xmx1g");
    builder.environment().remove("SINUS_NOISE");
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void trainingShowsOnlySinussOwnOutput() throws Exception {
    Outcome help = sinus(temp, "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.err()).isEmpty();
    assertThat(help.out()).startsWith("Usage: sinus");

    Outcome quiet = sinus(temp, "train", Experiments.file("quickstart.conf").toString(), "-q", "--set",
        "dataset.records=100", "--set", "training.epochs=1", "--set", "training.batch-size=32");
    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(quiet.err()).as("standard error of a quiet run").isEmpty();
    assertThat(quiet.out()).contains("test: macro AUC");

    Outcome verbose = sinus(temp, "validate", Experiments.file("quickstart.conf").toString(), "-v");
    assertThat(verbose.exitCode()).isZero();
    assertThat(verbose.err()).as("-v shows what the JVM says").contains("Using incubator modules");

    Outcome failing = sinus(temp, "validate", "missing.conf");
    assertThat(failing.exitCode()).isEqualTo(3);
    assertThat(failing.err()).isEqualTo("error: Experiment file not found: missing.conf\n");
  }

  @Test
  void everyShippedExperimentLoadsFromItsOwnDirectoryByItsBareName() throws Exception {
    List<String> names = new ArrayList<>(List.of("validate"));
    Experiments.all().forEach(file -> names.add(file.getFileName().toString()));
    // one command per file would start a JVM each; validate takes one file, so loop in one shell
    StringBuilder script = new StringBuilder("set -e\n");
    for (Path file : Experiments.all()) {
      script.append("\"").append(Path.of(System.getProperty("sinus.distribution.dir", "target/sinus"))
          .resolve("bin/sinus").toAbsolutePath()).append("\" validate ").append(file.getFileName()).append(" -q\n");
    }
    Path shell = Files.writeString(temp.resolve("validate-all.sh"), script);
    Process process = new ProcessBuilder("sh", shell.toString()).directory(Experiments.dir().toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.lines().filter(line -> line.contains(" is valid: "))).hasSize(Experiments.all().size());
    assertThat(names).hasSize(Experiments.all().size() + 1);
  }
}
