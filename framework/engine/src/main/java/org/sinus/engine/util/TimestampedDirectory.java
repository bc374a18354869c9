package org.sinus.engine.util;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Creates output directories that never existed before, named {@code <prefix>-<yyyyMMdd-HHmmss>} (run
 * directories, comparisons): a name already taken, by an earlier or a concurrent process, gets a suffix
 * {@code -2}, {@code -3}, …, so that results are never written over.
 */
public final class TimestampedDirectory {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final int ATTEMPTS = 1000;

  private TimestampedDirectory() {}

  /**
   * Creates {@code <parent>/<prefix>-<now>} (and {@code parent} if needed), with a suffix if that exists.
   *
   * @throws IOException if it cannot be created, or {@value #ATTEMPTS} names are taken
   */
  public static Path create(Path parent, String prefix) throws IOException {
    String base = prefix + "-" + LocalDateTime.now().format(STAMP);
    Files.createDirectories(parent);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Path candidate = parent.resolve(attempt == 1 ? base : base + "-" + attempt);
      try {
        return Files.createDirectory(candidate);
      } catch (FileAlreadyExistsException e) {
        // taken by an earlier (or concurrent) process: try the next suffix
      }
    }
    throw new IOException("no free directory name under " + parent + " for " + base);
  }
}
