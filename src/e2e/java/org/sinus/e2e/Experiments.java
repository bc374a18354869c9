package org.sinus.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped experiments/ directory. */
final class Experiments {
  private Experiments() {}

  static Path dir() {
    return Path.of(System.getProperty("sinus.experiments.dir", "../experiments")).toAbsolutePath().normalize();
  }

  static Path file(String name) {
    return dir().resolve(name);
  }

  /**
   * Trains a small quickstart (200 synthetic records, 1 epoch, 16 filters: seconds) into
   * {@code runs} and returns its run directory, for tests of what comes after training.
   */
  static Path trainSmallQuickstart(Path runs) throws IOException {
    Cli.Outcome trained = Cli.run("train", file("quickstart.conf").toString(), "-q",
        "--set", "dataset.records=200", "--set", "training.epochs=1", "--set", "training.batch-size=32",
        "--set", "model.filters=16", "--set", "output.dir=\"" + runs + "\"");
    if (trained.exitCode() != 0) {
      throw new AssertionError("the small quickstart did not train: " + trained.all());
    }
    try (Stream<Path> list = Files.list(runs)) {
      return list.findFirst().orElseThrow();
    }
  }

  /** The shipped sweeps, experiments/sweeps/*.conf (not experiments: {@link #all()} lists only experiments/*.conf). */
  static List<Path> sweeps() {
    try (Stream<Path> files = Files.list(dir().resolve("sweeps"))) {
      return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> all() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
