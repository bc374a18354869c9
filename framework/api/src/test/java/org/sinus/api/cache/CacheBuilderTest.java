package org.sinus.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.Progress;

/** Building a {@link CachePlan}'s file whole, or in parts joined afterwards, and what goes wrong on the way. */
class CacheBuilderTest {
  static final int ITEMS = 10;
  static final int VALUES = 4;

  @TempDir
  Path dir;

  /** Item i holds i·100 + v; {@code computed} counts the items computed. */
  CachePlan plan(String name, ValueEncoding encoding, AtomicInteger computed, float scale) {
    return new CachePlan(dir.resolve(name), "key of " + name, encoding, ITEMS, VALUES, () -> (item, out) -> {
      computed.incrementAndGet();
      for (int v = 0; v < VALUES; v++) {
        out[v] = scale * (item * 100 + v);
      }
    }, "test values", item -> "item " + item + " of the test", "use float32");
  }

  static float[] read(MappedValueFile file, int item) {
    float[] out = new float[VALUES];
    file.read(item, out, 0);
    return out;
  }

  @Test
  void partsJoinedGiveTheFileAWholeBuildGivesAndACompletePartIsNotComputedAgain() throws IOException {
    AtomicInteger computed = new AtomicInteger();
    CachePlan parts = plan("parts.f32", ValueEncoding.of("float32"), computed, 1);
    List<CacheBuilder.Range> ranges = CacheBuilder.ranges(ITEMS, 4);
    assertThat(ranges).containsExactly(new CacheBuilder.Range(0, 4), new CacheBuilder.Range(4, 8),
        new CacheBuilder.Range(8, 10));
    Path first = CacheBuilder.buildPart(parts, ranges.get(0), 2);
    assertThat(first).isRegularFile().hasFileName("0-4.part");
    assertThat(computed).hasValue(4);
    CacheBuilder.buildPart(parts, ranges.get(0), 2);
    assertThat(computed).as("a complete part is reused").hasValue(4);
    assertThat(CacheBuilder.existing(parts)).as("no file before the parts are joined").isEmpty();
    CacheBuilder.buildPart(parts, ranges.get(1), 1);
    CacheBuilder.buildPart(parts, ranges.get(2), 1);
    MappedValueFile joined = CacheBuilder.assemble(parts, ranges);
    assertThat(CacheBuilder.existing(parts)).isPresent();
    assertThat(first.getParent()).doesNotExist();

    MappedValueFile whole = CacheBuilder.build(plan("whole.f32", ValueEncoding.of("float32"), computed, 1), 2,
        Progress.NONE);
    for (int item = 0; item < ITEMS; item++) {
      assertThat(read(joined, item)).containsExactly(read(whole, item));
    }
    assertThat(read(joined, 7)).containsExactly(700, 701, 702, 703);
  }

  @Test
  void aMissingPartOrRangesThatDoNotCoverTheItemsAreRefusedAndNoFileAppears() {
    CachePlan plan = plan("gaps.f32", ValueEncoding.of("float32"), new AtomicInteger(), 1);
    List<CacheBuilder.Range> ranges = CacheBuilder.ranges(ITEMS, 5);
    CacheBuilder.buildPart(plan, ranges.get(0), 1);
    assertThatThrownBy(() -> CacheBuilder.assemble(plan, ranges)).isInstanceOf(SinusException.class)
        .hasMessageContaining("5-10.part is missing or incomplete").hasMessageContaining("test values");
    assertThatThrownBy(() -> CacheBuilder.assemble(plan, List.of(new CacheBuilder.Range(0, 5))))
        .hasMessageContaining("end at item 5 of 10");
    assertThatThrownBy(() -> CacheBuilder.assemble(plan, List.of(new CacheBuilder.Range(0, 4),
        new CacheBuilder.Range(5, 10)))).hasMessageContaining("do not cover items 4 to 5");
    assertThat(CacheBuilder.existing(plan)).isEmpty();
    assertThat(Files.exists(plan.file())).isFalse();
  }

  @Test
  void aValueTheEncodingCannotHoldNamesItsItemAndWhatToChange() {
    CachePlan plan = plan("big.f16", ValueEncoding.of("float16"), new AtomicInteger(), 1e3f);
    assertThatThrownBy(() -> CacheBuilder.build(plan, 1, Progress.NONE)).isInstanceOf(SinusException.class)
        .satisfies(e -> assertThat(((SinusException) e).exitCode()).isEqualTo(ExitCode.DATA))
        .hasMessageContaining("item 1 of the test (test values) cannot be cached as float16")
        .hasMessageContaining("use float32");
    assertThat(Files.exists(plan.file())).isFalse();
  }
}
