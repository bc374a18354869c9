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
 */
public record DataContext(Path cacheDir, int threads, Progress progress) {

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
