package org.sinus.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.SinusException;

/** One invocation at a time runs a sweep. */
class SweepLockTest {
  @TempDir
  Path dir;

  @Test
  void aSweepBeingRunCannotBeRunAgainUntilItsLockIsReleased() {
    Path sweep = dir.resolve("runs/grid");
    try (SweepLock held = SweepLock.acquire(sweep)) {
      assertThatThrownBy(() -> SweepLock.acquire(sweep)).isInstanceOf(SinusException.class)
          .hasMessageContaining("is being run by another sinus process");
    }
    SweepLock.acquire(sweep).close();
    assertThat(sweep.resolve(SweepLock.FILE)).exists();
  }
}
