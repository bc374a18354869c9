package org.sinus.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each run's run.log holds its own messages, also while other runs log at the same time (a sweep's). */
class RunLogTest {
  private static final Logger LOG = Logger.getLogger("org.sinus.engine.run.RunLogTest");

  @TempDir
  Path dir;

  @Test
  void concurrentRunsEachLogToTheirOwnFile() throws Exception {
    CountDownLatch bothOpen = new CountDownLatch(2);
    CountDownLatch bothLogged = new CountDownLatch(2);
    Thread[] runs = new Thread[2];
    Throwable[] failures = new Throwable[2];
    for (int i = 0; i < 2; i++) {
      int run = i;
      runs[i] = new Thread(() -> {
        try (AutoCloseable log = RunLog.toFile(dir.resolve("run" + run + ".log"))) {
          bothOpen.countDown();
          bothOpen.await(10, TimeUnit.SECONDS);
          LOG.info("message of run " + run);
          Thread helper = new Thread(() -> LOG.info("helper of run " + run));
          helper.start();
          helper.join();
          bothLogged.countDown();
          bothLogged.await(10, TimeUnit.SECONDS);
        } catch (Throwable e) {
          failures[run] = e;
        }
      });
      runs[i].start();
    }
    for (Thread run : runs) {
      run.join();
    }
    assertThat(failures).containsOnlyNulls();
    LOG.info("after the runs");
    assertThat(Files.readString(dir.resolve("run0.log"))).contains("message of run 0", "helper of run 0")
        .doesNotContain("run 1").doesNotContain("after the runs");
    assertThat(Files.readString(dir.resolve("run1.log"))).contains("message of run 1", "helper of run 1")
        .doesNotContain("run 0");
  }

  @Test
  void aThreadStartedByAFinishedRunLogsToTheNextRun() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      try (AutoCloseable log = RunLog.toFile(dir.resolve("first.log"))) {
        pool.submit(() -> LOG.info("pool thread started in the first run")).get();
      }
      try (AutoCloseable log = RunLog.toFile(dir.resolve("second.log"))) {
        pool.submit(() -> LOG.info("the same pool thread in the second run")).get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.readString(dir.resolve("first.log"))).contains("pool thread started in the first run");
    assertThat(Files.readString(dir.resolve("second.log"))).contains("the same pool thread in the second run");
  }
}
