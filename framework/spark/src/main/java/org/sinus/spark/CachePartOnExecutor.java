package org.sinus.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.cache.CacheBuilder;
import org.sinus.api.cache.CachePlan;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.util.Json;
import org.sinus.api.util.Progress;
import org.sinus.engine.cache.RunCachePlans;
import org.sinus.engine.sweep.SweepState;

/**
 * One Spark task of a sweep's cache job: computes one range of the items of one representation cache file
 * into its part file ({@link CacheBuilder#buildPart}, atomically; a complete part is reused). The executor
 * loads the run that first needs the file as the driver planned it, finds the file's plan among the run's
 * cache plans by its key, and writes the part next to the file in its cache directory, which must be the
 * driver's (a shared path: {@code SINUS_CACHE} or {@code -Dsinus.cache.dir}).
 */
final class CachePartOnExecutor implements Function<String, String> {
  private static final long serialVersionUID = 1L;

  private final SweepOnExecutor sweep;
  private final int threads;

  /**
   * @param sweep the sweep on the shared file system
   * @param threads threads per task (0: the data context's default)
   */
  CachePartOnExecutor(SweepOnExecutor sweep, int threads) {
    this.sweep = sweep;
    this.threads = threads;
  }

  /** The task of {@code range} of the file {@code key} names, first needed by the run of {@code entry}. */
  static String task(SweepState.Entry entry, String key, CacheBuilder.Range range) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("run", entry.toJson());
    task.put("key", key);
    task.put("from", range.from());
    task.put("to", range.to());
    return Json.pretty(task);
  }

  @Override
  public String call(String taskJson) {
    var task = Json.parse(taskJson);
    SweepState.Entry entry = SweepState.Entry.fromJson(task.getConfig("run"));
    String key = task.getString("key");
    CacheBuilder.Range range = new CacheBuilder.Range(task.getInt("from"), task.getInt("to"));
    SweepOnExecutor.LoadedRun run = sweep.load(entry);
    DataContext defaults = DataContext.defaults(Progress.NONE);
    DataContext data = new DataContext(defaults.cacheDir(), threads > 0 ? threads : defaults.threads(), Progress.NONE);
    try (EcgDataset records = run.setup().dataset().load(data)) {
      List<CachePlan> plans = RunCachePlans.of(run.setup(), records, data);
      CachePlan plan = plans.stream().filter(candidate -> candidate.key().equals(key)).findFirst()
          .orElseThrow(() -> new SinusException(ExitCode.RUN, "run " + entry.point() + " needs no cache with the key "
              + "the driver planned on this executor (it plans " + plans.size() + " other files): do the executors "
              + "see the same data, sweep file and plugins?"));
      return CacheBuilder.buildPart(plan, range, data.threads()).toString();
    }
  }
}
