package org.sinus.api.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Data-parallel loops over indices on a few daemon threads (reading records, building caches,
 * fitting statistics): each thread takes the next index from a shared counter until none is left,
 * with its own scratch state, and the call returns when every index is done.
 */
public final class Parallel {
  private Parallel() {}

  /** The work on one index, with the calling thread's own state. */
  @FunctionalInterface
  public interface IndexTask<S> {
    void run(S state, int index) throws Exception;
  }

  /**
   * Runs {@code task} for every index in {@code [0, count)} on {@code threads} daemon threads named
   * {@code name} (on the calling thread if one is enough), each with a state from
   * {@code perThread}, and waits for all.
   *
   * <p>The first failure is rethrown: unchecked exceptions and errors as they are, an
   * {@link IOException} as an {@link UncheckedIOException}, other checked exceptions wrapped in an
   * {@link IllegalStateException}. The other threads are interrupted and their indices may be left
   * undone.
   */
  public static <S> void forEachIndex(String name, int threads, int count, Supplier<S> perThread, IndexTask<S> task) {
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      S state = perThread.get();
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        try {
          task.run(state, i);
        } catch (RuntimeException e) {
          throw e;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (Exception e) {
          throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
      }
    };
    int used = Math.max(1, Math.min(threads, count));
    if (used == 1) {
      worker.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(used, runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < used; t++) {
        parts.add(pool.submit(worker));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@link #forEachIndex} without per-thread state. */
  public static void forEachIndex(String name, int threads, int count, IndexTask<Void> task) {
    forEachIndex(name, threads, count, () -> null, task);
  }
}
