package org.sinus.api.data;

import java.nio.file.Path;
import org.sinus.api.util.Progress;

/**
 * What a dataset (or a caching representation) may use while loading.
 *
 * @param cacheDir where derived files (signal and representation caches) go; never inside the
 *     dataset's own directory, which may be read-only
 * @param threads how many threads loading may use
 * @param progress where to report progress of long steps
 * @param use what the data is loaded for: a dataset may, by its own settings, leave unreadable
 *     records out when the data is only inspected, and refuse them when a model is trained or evaluated
 */
public record DataContext(Path cacheDir, int threads, Progress progress, Use use) {

  /** What the data is loaded for. */
  public enum Use {
    /** Training, evaluating, explaining a model: every record of the splits matters. */
    RUN,
    /** Looking at the data ({@code sinus data show}, {@code data report}). */
    INSPECTION
  }

  /** A context for {@link Use#RUN}. */
  public DataContext(Path cacheDir, int threads, Progress progress) {
    this(cacheDir, threads, progress, Use.RUN);
  }

  /** The same context for another use. */
  public DataContext forUse(Use other) {
    return new DataContext(cacheDir, threads, progress, other);
  }

  /** {@code -Dsinus.cache.dir}, else {@code $SINUS_CACHE}, else {@code ~/.cache/sinus}. */
  public static Path defaultCacheDir() {
    String property = System.getProperty("sinus.cache.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("SINUS_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "sinus");
  }

  public static DataContext defaults(Progress progress) {
    return new DataContext(defaultCacheDir(), Runtime.getRuntime().availableProcessors(), progress);
  }
}
