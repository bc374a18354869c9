package org.sinus.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.cache.CacheBuilder;
import org.sinus.api.cache.CachePlan;
import org.sinus.api.util.Json;
import org.sinus.engine.sweep.SweepCaches;
import org.sinus.engine.sweep.SweepEngine;
import org.sinus.engine.sweep.SweepFile;
import org.sinus.engine.sweep.SweepJob;
import org.sinus.engine.sweep.SweepState;

/**
 * The {@code spark} engine: the sweep's pending runs become one Spark job with one task per run
 * ({@link RunOnExecutor}); each result (the run's id, state, error and run directory) comes back to the
 * driver, which records it in {@code sweep.json} ({@link TaskProgress} keeps what the executors last knew, for
 * a driver killed meanwhile). The master is spark-submit's {@code --master} when there
 * is one, otherwise the sweep's {@code engine.master} ({@code local[*]}: embedded, in this process). The
 * sweep file, its experiment and its output directory must be on a file system every executor sees.
 */
public final class SparkSweepEngine implements SweepEngine {
  private static final Logger LOG = Logger.getLogger(SparkSweepEngine.class.getName());
  public static final String TYPE = "spark";
  private static final Pattern LOCAL_THREADS = Pattern.compile("local\\[(\\d+)(,\\d+)?]");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String describe(SweepFile.EngineSettings settings) {
    return "spark engine on " + master(settings) + ", a task per run";
  }

  /**
   * On an embedded master ({@code local[n]}) the machine's cores are divided among the n concurrent tasks as
   * the local engine divides them ({@code local[*]}: one thread each); on a cluster the experiment's own
   * thread settings hold.
   */
  @Override
  public List<String> threadSettings(SweepFile.EngineSettings settings) {
    int threads = taskThreads(settings);
    return threads == 0 ? List.of()
        : List.of("training.threads.intra-op=" + threads, "training.threads.inter-op=" + threads);
  }

  /** Each task's share of the cores on an embedded master; 0 on a cluster (the executor decides). */
  static int taskThreads(SweepFile.EngineSettings settings) {
    String master = master(settings);
    int cores = Runtime.getRuntime().availableProcessors();
    Matcher local = LOCAL_THREADS.matcher(master);
    if (master.equals("local")) {
      return cores;
    } else if (master.startsWith("local[*")) {
      return 1;
    } else if (local.matches()) {
      return Math.max(1, cores / Math.max(1, Integer.parseInt(local.group(1))));
    }
    return 0;
  }

  /** spark-submit's {@code --master} (the system property {@code spark.master}), else {@code engine.master}. */
  static String master(SweepFile.EngineSettings settings) {
    return System.getProperty("spark.master", settings.master());
  }

  @Override
  public void runAll(SweepJob job) {
    if (job.pending().isEmpty()) {
      return;
    }
    List<String> entries = new ArrayList<>();
    for (SweepJob.Pending pending : job.pending()) {
      // a driver killed during an earlier job recorded nothing of it: take what its executors last wrote
      SweepState.Entry entry = TaskProgress.read(job.state().directory(), pending.entry().id())
          .filter(progress -> progress.attempts() >= pending.entry().attempts())
          .map(job::record).orElse(pending.entry());
      entries.add(Json.pretty(entry.toJson()));
    }
    RunOnExecutor task = new RunOnExecutor(onExecutor(job.sweep(), job.state().directory()));
    collect(job.sweep(), "runs", entries, task).forEach(result -> job.record(SweepState.Entry.fromJson(Json.parse(result))));
  }

  /**
   * One Spark job over the missing files' records: each file is cut into ranges of
   * {@code engine.cache-task-records} items, each range is a task that writes its part file
   * ({@link CachePartOnExecutor}), and the driver joins each file's parts into the file, atomically. What fails
   * here is logged and left to the runs, which build what they miss themselves (and fail with its error).
   */
  @Override
  public void buildCaches(SweepCaches caches) {
    Map<CachePlan, List<CacheBuilder.Range>> files = new LinkedHashMap<>();
    List<String> tasks = new ArrayList<>();
    caches.forEachMissing((run, plans) -> plans.forEach(plan -> {
      List<CacheBuilder.Range> ranges = CacheBuilder.ranges(plan.items(), caches.sweep().engine().cacheTaskRecords());
      files.put(plan, ranges);
      ranges.forEach(range -> tasks.add(CachePartOnExecutor.task(run.entry(), plan.key(), range)));
    }));
    if (tasks.isEmpty()) {
      return;
    }
    SweepFile sweep = caches.sweep();
    long began = System.nanoTime();
    try {
      collect(sweep, "caches", tasks, new CachePartOnExecutor(onExecutor(sweep, sweep.directory().toAbsolutePath()
          .normalize()), taskThreads(sweep.engine())));
    } catch (SinusException e) {
      // the runs that need the files build them themselves, and fail with their error if they cannot
      LOG.warning("the Spark job that builds the caches failed, so the runs build what they need themselves: "
          + e.getMessage());
      return;
    }
    files.forEach((plan, ranges) -> {
      try {
        CacheBuilder.assemble(plan, ranges).close();
      } catch (SinusException e) {
        LOG.warning(e.getMessage() + "; the runs that need it build it themselves. Do the executors write to this "
            + "cache directory, " + caches.data().cacheDir() + " (a path they all see: SINUS_CACHE or -Dsinus.cache.dir)?");
      }
    });
    LOG.info(String.format(Locale.ROOT, "sweep %s: %d cache files built by %d Spark tasks in %.1f s", sweep.name(),
        files.size(), tasks.size(), (System.nanoTime() - began) / 1e9));
  }

  private SweepOnExecutor onExecutor(SweepFile sweep, Path directory) {
    return new SweepOnExecutor(sweep.file().toAbsolutePath().normalize().toString(), directory.toString(),
        new ArrayList<>(threadSettings(sweep.engine())));
  }

  /** Runs {@code task} on every element as one Spark job, a task each, and returns the results in order. */
  private static List<String> collect(SweepFile sweep, String what, List<String> elements,
                                      Function<String, String> task) {
    SparkConf conf = new SparkConf().setAppName("sinus sweep " + sweep.name() + " (" + what + ")")
        .setMaster(master(sweep.engine()));
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      return spark.parallelize(elements, elements.size()).map(task).collect();
    } catch (SinusException e) {
      throw e;
    } catch (Exception e) { // a failed job is a SparkException, thrown by Scala code without being declared
      throw new SinusException(ExitCode.RUN, "the Spark job (" + what + ") of sweep " + sweep.name() + " on "
          + conf.get("spark.master") + " failed: " + e.getMessage(), e);
    }
  }
}
