package org.sinus.engine.sweep;

import org.sinus.api.cache.CacheBuilder;
import org.sinus.api.data.DataContext;

import java.util.List;

/** The {@code local} sweep engine: a {@link LocalEngine} of the sweep's parallelism over this machine's cores. */
public final class LocalSweepEngine implements SweepEngine {
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

  /** Each missing file in turn, on all of this machine's cores. */
  @Override
  public void buildCaches(SweepCaches caches) {
    DataContext data = caches.data();
    caches.forEachMissing((run, plans) -> plans.forEach(plan -> CacheBuilder.build(plan,
        Math.max(1, Runtime.getRuntime().availableProcessors()), data.progress())));
  }

  private static LocalEngine localEngine(SweepFile.EngineSettings settings) {
    return new LocalEngine(settings.parallelism(), Runtime.getRuntime().availableProcessors());
  }
}
