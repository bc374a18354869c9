package org.sinus.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Prepares the training batches of an epoch in the background, {@code prefetch} batches ahead of
 * the session, so that TensorFlow never waits for data. Examples are encoded by {@code threads}
 * threads; the tensors are created off the training thread, too.
 */
public final class BatchLoader implements AutoCloseable {
  private static final Object END = new Object();

  private final ExampleEncoder encoder;
  private final int classes;
  private final int batchSize;
  private final int prefetch;
  private final ExecutorService producer;
  private final ExecutorService workers;
  private final int threads;
  private BlockingQueue<Object> queue;
  private Future<?> running;

  public BatchLoader(ExampleEncoder encoder, int classes, int batchSize, int prefetch, int threads) {
    this.encoder = encoder;
    this.classes = classes;
    this.batchSize = batchSize;
    this.prefetch = prefetch;
    this.threads = threads;
    this.producer = Executors.newSingleThreadExecutor(daemon("sinus-batches"));
    this.workers = threads > 1 ? Executors.newFixedThreadPool(threads, daemon("sinus-encode")) : null;
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Starts producing the first {@code steps} batches of an epoch plan. */
  public void start(EpochPlan plan, int steps) {
    stop();
    BlockingQueue<Object> target = new ArrayBlockingQueue<>(prefetch + 1);
    queue = target;
    running = producer.submit(() -> {
      try {
        for (int step = 0; step < steps; step++) {
          int from = step * batchSize;
          int size = Math.min(batchSize, plan.records().length - from);
          Batch batch = build(plan, from, size);
          try {
            target.put(batch);
          } catch (InterruptedException e) {
            batch.close();
            return;
          }
        }
        target.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable e) {
        target.offer(e);
      }
    });
  }

  /** The next batch of the epoch (blocks until it is ready); fails if preparing it failed. */
  public Batch next() {
    try {
      Object item = queue.take();
      if (item instanceof Batch batch) {
        return batch;
      }
      if (item instanceof Throwable error) {
        throw new IllegalStateException("preparing a batch failed: " + error, error);
      }
      throw new IllegalStateException("the epoch has no more batches");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a batch", e);
    }
  }

  private Batch build(EpochPlan plan, int from, int size) throws Exception {
    float[][] inputs = encoder.allocate(size);
    float[] targets = new float[size * classes];
    EcgDataset data = encoder.data();
    if (workers == null) {
      for (int i = 0; i < size; i++) {
        encoder.encode(plan.records()[from + i], plan.starts()[from + i], inputs, i);
      }
    } else {
      List<Future<?>> parts = new ArrayList<>();
      int chunk = (size + threads - 1) / threads;
      for (int first = 0; first < size; first += chunk) {
        int start = first;
        int end = Math.min(size, first + chunk);
        parts.add(workers.submit(() -> {
          for (int i = start; i < end; i++) {
            encoder.encode(plan.records()[from + i], plan.starts()[from + i], inputs, i);
          }
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    }
    for (int i = 0; i < size; i++) {
      data.record(plan.records()[from + i]).target(targets, i * classes, classes);
    }
    List<TFloat32> tensors = new ArrayList<>();
    List<ExampleShape> shapes = List.copyOf(encoder.inputs().shapes().values());
    for (int k = 0; k < inputs.length; k++) {
      tensors.add(tensor(inputs[k], shapes.get(k).batched(size)));
    }
    return new Batch(tensors, tensor(targets, new long[] {size, classes}), size);
  }

  static TFloat32 tensor(float[] values, long[] shape) {
    TFloat32 tensor = TFloat32.tensorOf(Shape.of(shape));
    tensor.asRawTensor().data().asFloats().write(values);
    return tensor;
  }

  private void stop() {
    if (running != null) {
      running.cancel(true);
      try {
        running.get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // cancelled or already failed; its batches are drained below
      }
      drain();
      running = null;
    }
  }

  private void drain() {
    if (queue != null) {
      for (Object item : queue) {
        if (item instanceof Batch batch) {
          batch.close();
        }
      }
      queue.clear();
    }
  }

  @Override
  public void close() {
    stop();
    producer.shutdownNow();
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
