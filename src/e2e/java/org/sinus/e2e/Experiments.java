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

  static List<Path> all() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
