package org.sinus.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real PTB-XL data for tests that need it (the subset in {@code /work/shared/ptbxl} or a
 * full copy), so that every module finds it the same way.
 *
 * <p>Lookup: the environment variable {@value #ENV} if set (it must then point to a directory with
 * {@code ptbxl_database.csv}; a wrong value is reported, not silently replaced); otherwise the first
 * ancestor of the working directory that has {@code shared/ptbxl/ptbxl_database.csv}.
 *
 * <p>A test class that needs the data is annotated {@link RequiresPtbxl}: without the data each of
 * its tests is reported as skipped, with the reason (or fails, when the system property
 * {@value #REQUIRE_PROPERTY} is {@code true}, as CI sets it); its code then calls {@link #require()}.
 */
public final class PtbxlFixture {
  /** Environment variable naming the PTB-XL directory. */
  public static final String ENV = "SINUS_PTBXL";
  /** System property naming the PTB-XL directory; it takes precedence over {@value #ENV} (for tests of this fixture). */
  public static final String PROPERTY = "sinus.ptbxl";
  /** System property that turns a missing data directory from a skip into a failure. */
  public static final String REQUIRE_PROPERTY = "sinus.requireData";

  private static final String MARKER = "ptbxl_database.csv";
  private static final Path RELATIVE = Path.of("shared", "ptbxl");

  private PtbxlFixture() {}

  /** The PTB-XL directory, if it can be found. */
  public static Optional<Path> find() {
    return Optional.ofNullable(search().directory);
  }

  /**
   * The PTB-XL directory; if it cannot be found, skips the calling test (JUnit assumption) or, when
   * {@code -D}{@value #REQUIRE_PROPERTY}{@code =true}, fails it. Either way the message says where
   * it looked.
   */
  public static Path require() {
    Found found = search();
    if (found.directory != null) {
      return found.directory;
    }
    if (required()) {
      return Assertions.fail(missing(found) + "; failing because -D" + REQUIRE_PROPERTY + "=true");
    }
    return Assumptions.abort(skipMessage());
  }

  /** Whether missing data fails tests rather than skipping them ({@value #REQUIRE_PROPERTY}). */
  static boolean required() {
    return Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY));
  }

  /** Why tests that need the data are skipped, or null when the data is there. */
  static String skipMessage() {
    Found found = search();
    return found.directory != null ? null
        : missing(found) + "; skipping (-D" + REQUIRE_PROPERTY + "=true would make this a failure)";
  }

  private static String missing(Found found) {
    return "PTB-XL data not found: " + found.why + ". Set " + ENV + " to a PTB-XL directory (the one with "
        + MARKER + ")";
  }

  private record Found(Path directory, String why) {}

  private static Found search() {
    String property = System.getProperty(PROPERTY);
    String env = System.getenv(ENV);
    String named = property != null && !property.isBlank() ? property : env;
    if (named != null && !named.isBlank()) {
      Path directory = Path.of(named).toAbsolutePath().normalize();
      return Files.isRegularFile(directory.resolve(MARKER))
          ? new Found(directory, null)
          : new Found(null, (named.equals(property) ? "-D" + PROPERTY : ENV) + "=" + named + " has no " + MARKER);
    }
    Path start = Path.of("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isRegularFile(candidate.resolve(MARKER))) {
        return new Found(candidate, null);
      }
    }
    return new Found(null, ENV + " is not set and no ancestor of " + start + " has " + RELATIVE.resolve(MARKER));
  }
}
