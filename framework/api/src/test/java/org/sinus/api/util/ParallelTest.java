package org.sinus.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void everyIndexRunsExactlyOnceWithItsThreadsOwnState() {
    int count = 1000;
    AtomicIntegerArray runs = new AtomicIntegerArray(count);
    Set<Object> states = ConcurrentHashMap.newKeySet();
    Set<String> threadNames = ConcurrentHashMap.newKeySet();
    Parallel.forEachIndex("sinus-test", 3, count, Object::new, (state, i) -> {
      runs.incrementAndGet(i);
      states.add(state);
      threadNames.add(Thread.currentThread().getName());
    });
    for (int i = 0; i < count; i++) {
      assertThat(runs.get(i)).as("runs of index %d", i).isEqualTo(1);
    }
    assertThat(states).hasSizeBetween(1, 3);
    assertThat(threadNames).allSatisfy(name -> assertThat(name).isEqualTo("sinus-test"));
  }

  @Test
  void oneThreadRunsOnTheCaller() {
    Set<String> threadNames = ConcurrentHashMap.newKeySet();
    Parallel.forEachIndex("sinus-test", 4, 1, (state, i) -> threadNames.add(Thread.currentThread().getName()));
    assertThat(threadNames).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void failuresReachTheCaller() {
    assertThatThrownBy(() -> Parallel.forEachIndex("sinus-test", 2, 100, (state, i) -> {
      if (i == 57) {
        throw new IllegalArgumentException("record 57 is bad");
      }
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("record 57 is bad");
    assertThatThrownBy(() -> Parallel.forEachIndex("sinus-test", 2, 100, (state, i) -> {
      if (i == 3) {
        throw new IOException("disk full");
      }
    })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
  }
}
