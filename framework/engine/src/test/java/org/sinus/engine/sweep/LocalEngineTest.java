package org.sinus.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The local engine divides the cores among concurrent runs and runs that many at once. */
class LocalEngineTest {

  @Test
  void tensorFlowThreadsAreTheCoresDividedAmongConcurrentRuns() {
    assertThat(new LocalEngine(1, 8).threadSettings())
        .containsExactly("training.threads.intra-op=8", "training.threads.inter-op=8");
    assertThat(new LocalEngine(3, 8).threadsPerRun()).isEqualTo(2);
    assertThat(new LocalEngine(4, 2).threadsPerRun()).as("never fewer than one").isEqualTo(1);
  }

  @Test
  void runsParallelismTasksAtOnce() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    AtomicInteger together = new AtomicInteger();
    Runnable task = () -> {
      bothStarted.countDown();
      try {
        if (bothStarted.await(10, TimeUnit.SECONDS)) {
          together.incrementAndGet();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    new LocalEngine(2, 2).runAll(List.of(task, task));
    assertThat(together).as("each task saw the other one running").hasValue(2);
  }
}
