package org.sinus.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.Json;
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
    String master = master(settings);
    int cores = Runtime.getRuntime().availableProcessors();
    Matcher local = LOCAL_THREADS.matcher(master);
    int threads;
    if (master.equals("local")) {
      threads = cores;
    } else if (master.startsWith("local[*")) {
      threads = 1;
    } else if (local.matches()) {
      threads = Math.max(1, cores / Math.max(1, Integer.parseInt(local.group(1))));
    } else {
      return List.of();
    }
    return List.of("training.threads.intra-op=" + threads, "training.threads.inter-op=" + threads);
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
    SparkConf conf = new SparkConf().setAppName("sinus sweep " + job.sweep().name())
        .setMaster(master(job.sweep().engine()));
    List<String> entries = new ArrayList<>();
    for (SweepJob.Pending pending : job.pending()) {
      // a driver killed during an earlier job recorded nothing of it: take what its executors last wrote
      SweepState.Entry entry = TaskProgress.read(job.state().directory(), pending.entry().id())
          .filter(progress -> progress.attempts() >= pending.entry().attempts())
          .map(job::record).orElse(pending.entry());
      entries.add(Json.pretty(entry.toJson()));
    }
    RunOnExecutor task = new RunOnExecutor(job.sweep().file().toAbsolutePath().normalize().toString(),
        job.state().directory().toString(), new ArrayList<>(threadSettings(job.sweep().engine())));
    List<String> results;
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      results = spark.parallelize(entries, entries.size()).map(task).collect();
    } catch (SinusException e) {
      throw e;
    } catch (Exception e) { // a failed job is a SparkException, thrown by Scala code without being declared
      throw new SinusException(ExitCode.RUN, "the Spark job of sweep " + job.sweep().name() + " on "
          + conf.get("spark.master") + " failed: " + e.getMessage(), e);
    }
    results.forEach(result -> job.record(SweepState.Entry.fromJson(Json.parse(result))));
  }
}
