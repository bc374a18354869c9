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

/**
 * The distribution archive unpacked into a directory and its {@code bin/sinus} run as on a machine
 * with nothing but a Java runtime: an environment of only {@code PATH} (this JVM's {@code java}
 * first), {@code HOME} and {@code JAVA_OPTS}, no {@code SINUS_*} variable, and an empty home
 * directory, so that TensorFlow's native library is extracted from the bundled jar and not found in
 * an earlier cache.
 */
final class UnpackedDistribution {
  /** What one command did, and how long it took from start to exit. */
  record Outcome(int exitCode, String out, String err, long millis) {}

  private final Path root;
  private final Path home;

  private UnpackedDistribution(Path root, Path home) {
    this.root = root;
    this.home = home;
  }

  /** The archive named by the system property {@code sinus.distribution.archive} (set by failsafe). */
  static Path archive() {
    String archive = System.getProperty("sinus.distribution.archive");
    assertThat(archive).as("the system property sinus.distribution.archive (src/pom.xml, failsafe)").isNotNull();
    assertThat(Path.of(archive)).as("the distribution archive; mvn package builds it").isRegularFile();
    return Path.of(archive);
  }

  /** Unpacks {@code archive} (a .tar.gz) with {@code tar} into {@code directory}/unpacked. */
  static UnpackedDistribution unpack(Path archive, Path directory) throws Exception {
    Path target = Files.createDirectories(directory.resolve("unpacked"));
    Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", target.toString())
        .redirectErrorStream(true).start();
    String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(tar.exitValue()).as(output).isZero();
    List<Path> tops;
    try (Stream<Path> list = Files.list(target)) {
      tops = list.toList();
    }
    assertThat(tops).as("the archive's top-level folders").hasSize(1);
    return new UnpackedDistribution(tops.get(0), Files.createDirectories(directory.resolve("home")));
  }

  /** The unpacked folder, {@code sinus-<version>/}. */
  Path root() {
    return root;
  }

  /** The home directory the commands run with (empty before the first one). */
  Path home() {
    return home;
  }

  /** Runs {@code command} (its first element relative to the unpacked folder or absolute) in {@code directory}. */
  Outcome run(Path directory, String javaOptions, String... command) throws Exception {
    Path out = Files.createTempFile(home.getParent(), "out", ".txt");
    Path err = Files.createTempFile(home.getParent(), "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
    environment.clear();
    environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + path);
    environment.put("HOME", home.toString());
    environment.put("JAVA_OPTS", "-Duser.home=" + home + " " + javaOptions);
    long start = System.nanoTime();
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s ends within 5 minutes", List.of(command)).isTrue();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    Outcome outcome = new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), millis);
    Files.delete(out);
    Files.delete(err);
    return outcome;
  }

  /** The jars of {@code lib/}, by file name. */
  List<String> libraries() throws IOException {
    try (Stream<Path> jars = Files.list(root.resolve("lib"))) {
      return jars.map(jar -> jar.getFileName().toString()).sorted().toList();
    }
  }

  /** Every regular file of the unpacked folder, relative to the folder that holds it ({@code sinus-<version>/...}). */
  List<String> files() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(file -> files.add(root.getParent().relativize(file).toString()));
    }
    return files.stream().sorted().toList();
  }
}
