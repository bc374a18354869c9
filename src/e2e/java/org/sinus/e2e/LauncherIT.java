package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    return sinus(directory, Map.of(), arguments);
  }

  private Outcome sinus(Path directory, Map<String, String> environment, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("sinus.distribution.dir",
        "target/sinus")).resolve("bin/sinus").toAbsolutePath().toString()));
    command.addAll(List.of(arguments));
    Path out = temp.resolve("out.txt");
    Path err = temp.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("JAVA_OPTS", "-Xmx1g");
    builder.environment().remove("SINUS_NOISE");
    builder.environment().putAll(environment);
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
  void theGpuBuildsFactoryRegistrationErrorsAreFilteredAndItsOtherErrorsShown() throws Exception {
    // a java that prints what TensorFlow's GPU build (mvn -Pgpu) prints at start on a machine without a GPU
    Path bin = Files.createDirectories(temp.resolve("fake-java"));
    String cuInit = "2026-12-02 20:10:20.008257: E external/local_xla/xla/stream_executor/cuda/cuda_driver.cc:152] "
        + "failed call to cuInit: INTERNAL: CUDA error: Failed call to cuInit: UNKNOWN ERROR (303)";
    Path java = Files.writeString(bin.resolve("java"), String.join("\n", "#!/bin/sh",
        "echo '2026-12-02 20:10:16.052496: E external/local_xla/xla/stream_executor/cuda/cuda_fft.cc:477] Unable to "
            + "register cuFFT factory: Attempting to register factory for plugin cuFFT when one has already been registered' >&2",
        "echo 'E0000 00:00:1796242216.114367   16238 cuda_dnn.cc:8310] Unable to register cuDNN factory: Attempting to "
            + "register factory for plugin cuDNN when one has already been registered' >&2",
        "echo 'E0000 00:00:1796242216.131377   16238 cuda_blas.cc:1418] Unable to register cuBLAS factory: Attempting "
            + "to register factory for plugin cuBLAS when one has already been registered' >&2",
        "echo '" + cuInit + "' >&2",
        "echo 'test: macro AUC 0.5128'", ""));
    assertThat(java.toFile().setExecutable(true)).isTrue();

    Outcome outcome = sinus(temp, Map.of("PATH", bin + ":" + System.getenv("PATH")), "train", "any.conf");
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).isEqualTo("test: macro AUC 0.5128\n");
    assertThat(outcome.err()).isEqualTo(cuInit + "\n");
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
