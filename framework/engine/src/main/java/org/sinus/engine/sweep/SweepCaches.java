package org.sinus.engine.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import org.sinus.api.cache.CacheBuilder;
import org.sinus.api.cache.CachePlan;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.util.ByteSizes;
import org.sinus.engine.cache.RunCachePlans;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.run.ExperimentSetup;

/**
 * The representation caches a sweep's pending runs will need and that are not there yet, each file once
 * (runs that differ only in seed or model share them), for an engine to build before the runs
 * ({@code engine.build-caches}).
 *
 * @param sweep the sweep
 * @param pending its runs to run
 * @param registry the plugins
 * @param data where caches go, with this process's threads and progress
 */
public record SweepCaches(SweepFile sweep, List<SweepJob.Pending> pending, PluginRegistry registry, DataContext data) {
  private static final Logger LOG = Logger.getLogger(SweepCaches.class.getName());

  public SweepCaches {
    pending = List.copyOf(pending);
  }

  /**
   * Calls {@code visitor} for each pending run with the plans of the cache files it needs that are neither
   * complete on disk nor given for an earlier run, while the run's data is loaded (the plans compute from
   * it until the visitor returns; afterwards only their files, keys and sizes hold). Runs that need
   * nothing new are not visited.
   */
  public void forEachMissing(BiConsumer<SweepJob.Pending, List<CachePlan>> visitor) {
    Set<String> seen = new HashSet<>();
    int files = 0;
    long bytes = 0;
    for (SweepJob.Pending run : pending) {
      ExperimentSetup setup = ExperimentSetup.create(run.run().experiment(), registry);
      if (!RunCachePlans.mayNeedCaches(setup)) {
        continue;
      }
      try (EcgDataset records = setup.dataset().load(data)) {
        List<CachePlan> missing = new ArrayList<>();
        for (CachePlan plan : RunCachePlans.of(setup, records, data)) {
          if (seen.add(plan.key()) && !CacheBuilder.isBuilt(plan)) {
            missing.add(plan);
            bytes += plan.fileBytes();
          }
        }
        if (!missing.isEmpty()) {
          files += missing.size();
          missing.forEach(plan -> LOG.info("cache to build before the runs: " + plan.file() + " (" + plan.description()
              + ", " + ByteSizes.format(plan.fileBytes()) + "), first needed by " + run.run().label()));
          visitor.accept(run, missing);
        }
      }
    }
    if (!seen.isEmpty()) {
      LOG.info(String.format(Locale.ROOT, "sweep %s: %d cache files (%s) to build before the runs, of %d the runs "
          + "need", sweep.name(), files, ByteSizes.format(bytes), seen.size()));
    }
  }
}
