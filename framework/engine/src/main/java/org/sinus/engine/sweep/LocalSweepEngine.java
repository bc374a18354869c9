package org.sinus.engine.sweep;

import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.sinus.api.SinusException;
import org.sinus.api.cache.CacheBuilder;
import org.sinus.api.data.DataContext;

/** The {@code local} sweep engine: a {@link LocalEngine} of the sweep's parallelism over this machine's cores. */
public final class LocalSweepEngine implements SweepEngine {
  private static final Logger LOG = Logger.getLogger(LocalSweepEngine.class.getName());
  public static final String TYPE = "local";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String describe(SweepFile.EngineSettings settings) {
    return "local engine, " + settings.parallelism() + " at once";
  }

  @Override
  public List<String> threadSettings(SweepFile.EngineSettings settings) {
    return localEngine(settings).threadSettings();
  }

  @Override
  public void runAll(SweepJob job) {
    localEngine(job.sweep().engine()).runAll(job.pending().stream()
        .<Runnable>map(pending -> () -> job.attempts().run(pending.run(), pending.entry(), job::record))
        .toList());
  }

  /**
   * Each missing file in turn, on all of this machine's cores; a file that cannot be built is left to the runs
   * that need it, which then fail with its error and are reported as usual.
   */
  @Override
  public void buildCaches(SweepCaches caches) {
    DataContext data = caches.data();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    long began = System.nanoTime();
    int[] built = {0};
    caches.forEachMissing((run, plans) -> plans.forEach(plan -> {
      try {
        CacheBuilder.build(plan, threads, data.progress()).close();
        built[0]++;
      } catch (SinusException e) {
        LOG.warning("the cache " + plan.file() + " was not built before the runs (" + e.getMessage() + "); the runs "
            + "that need it build it themselves");
      }
    }));
    if (built[0] > 0) {
      LOG.info(String.format(Locale.ROOT, "sweep %s: %d cache files built on %d threads in %.1f s",
          caches.sweep().name(), built[0], threads, (System.nanoTime() - began) / 1e9));
    }
  }

  private static LocalEngine localEngine(SweepFile.EngineSettings settings) {
    return new LocalEngine(settings.parallelism(), Runtime.getRuntime().availableProcessors());
  }
}
