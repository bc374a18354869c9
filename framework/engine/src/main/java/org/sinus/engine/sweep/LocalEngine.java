package org.sinus.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code local} engine: runs a sweep's runs in this process, {@code parallelism} at once, each on a
 * thread of its own. TensorFlow's threads are divided among them (each run gets {@code cores / parallelism}
 * intra-op and inter-op threads, at least one) so that concurrent runs do not oversubscribe the cores.
 */
public final class LocalEngine {
  private final int parallelism;
  private final int cores;

  /**
   * @param parallelism how many runs at once
   * @param cores the cores to divide ({@link Runtime#availableProcessors()})
   */
  public LocalEngine(int parallelism, int cores) {
    if (parallelism < 1 || cores < 1) {
      throw new IllegalArgumentException("parallelism and cores must be at least 1");
    }
    this.parallelism = parallelism;
    this.cores = cores;
  }

  /** TensorFlow threads per run: the cores divided among the concurrent runs. */
  public int threadsPerRun() {
    return Math.max(1, cores / parallelism);
  }

  /** The machine-local settings that give each run its share of the cores. */
  public List<String> threadSettings() {
    return List.of("training.threads.intra-op=" + threadsPerRun(), "training.threads.inter-op=" + threadsPerRun());
  }

  /** Does all the work, {@code parallelism} at once, and returns when all of it is done. */
  public void runAll(List<Runnable> work) {
    if (parallelism == 1 || work.size() <= 1) {
      work.forEach(Runnable::run);
      return;
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, work.size()), task -> {
      Thread thread = new Thread(task, "sinus-sweep-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      work.forEach(task -> futures.add(pool.submit(task)));
      RuntimeException first = null;
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the sweep's runs were running", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
