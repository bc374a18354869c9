package org.sinus.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both encodings verify key, size, completion and checksum, and write atomically. */
class MappedValueFileTest {
  @TempDir
  Path dir;

  private static float[] values(int items, int itemValues) {
    float[] values = new float[items * itemValues];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) Math.sin(i * 0.37) * (1 + i % 7);
    }
    return values;
  }

  private static MappedValueFile write(ValueEncoding encoding, Path file, String key, float[] values, int items,
                                       int itemValues) throws IOException {
    try (MappedValueFile.Writer writer = new MappedValueFile.Writer(file, key, encoding, items, itemValues)) {
      for (int i = items - 1; i >= 0; i--) {        // any order
        writer.write(i, values, i * itemValues);
      }
      return writer.finish();
    }
  }

  private static String rejection(Path file, String key, ValueEncoding encoding, int items, int itemValues)
      throws IOException {
    return MappedValueFile.open(file, key, encoding, items, itemValues).rejection().orElseThrow().reason();
  }

  @ParameterizedTest
  @EnumSource(ValueEncoding.class)
  void roundTripsAndIsReusedUnderTheSameKey(ValueEncoding encoding) throws IOException {
    Path file = dir.resolve("cache." + encoding.extension());
    float[] values = values(5, 300);
    MappedValueFile written = write(encoding, file, "key-a", values, 5, 300);
    assertThat(Files.size(file)).isEqualTo(MappedValueFile.fileBytes(encoding, 5, 300));
    MappedValueFile.Opened opened = MappedValueFile.open(file, "key-a", encoding, 5, 300);
    assertThat(opened.rejection()).isEmpty();
    float[] row = new float[20];
    for (MappedValueFile cache : new MappedValueFile[] {written, opened.cache().orElseThrow()}) {
      cache.read(3, 100, 20, row, 0);
      for (int i = 0; i < 20; i++) {
        float expected = values[3 * 300 + 100 + i];
        float tolerance = encoding == ValueEncoding.FLOAT16 ? Math.abs(expected) * 0x1p-11f + 0x1p-25f : 0f;
        assertThat(Math.abs(row[i] - expected)).isLessThanOrEqualTo(tolerance);
      }
    }
    float[] item = new float[300];
    written.read(4, item, 0);
    assertThat(item[299]).isCloseTo(values[4 * 300 + 299], Assertions.within(0.01f));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").containsExactly(file);
    }
  }

  @ParameterizedTest
  @EnumSource(ValueEncoding.class)
  void staleTruncatedCorruptOrIncompleteFilesAreRejectedWithTheReason(ValueEncoding encoding) throws IOException {
    Path file = dir.resolve("cache." + encoding.extension());
    write(encoding, file, "settings-1", values(4, 100), 4, 100);
    assertThat(rejection(file, "settings-2", encoding, 4, 100)).contains("key differs");
    assertThat(rejection(file, "settings-1", encoding, 5, 100)).contains("size");
    assertThat(rejection(dir.resolve("missing"), "settings-1", encoding, 4, 100)).contains("no cache file");
    ValueEncoding other = encoding == ValueEncoding.FLOAT16 ? ValueEncoding.FLOAT32 : ValueEncoding.FLOAT16;
    assertThat(rejection(file, "settings-1", other, 4, 100 * encoding.bytesPerValue() / other.bytesPerValue()))
        .contains("bad magic");

    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(128 + 2 * 100 + 7);
      int b = raw.read();
      raw.seek(128 + 2 * 100 + 7);
      raw.write(b ^ 0x10);
    }
    assertThat(rejection(file, "settings-1", encoding, 4, 100)).contains("checksum");

    // a complete-looking header with the completion mark wiped
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(8 + 4 + 4 + 8 + 8 + 8);
      raw.writeLong(0);
    }
    assertThat(rejection(file, "settings-1", encoding, 4, 100)).contains("incomplete");
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.setLength(100);
    }
    assertThat(rejection(file, "settings-1", encoding, 4, 100)).contains("truncated");
  }

  @Test
  void anAbandonedBuildLeavesNoFileBehind() throws IOException {
    Path file = dir.resolve("c.f32");
    try (MappedValueFile.Writer writer = new MappedValueFile.Writer(file, "key", ValueEncoding.FLOAT32, 10, 4)) {
      writer.write(0, new float[4], 0);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ValueEncoding.class)
  void valuesThatCannotBeStoredAreRefused(ValueEncoding encoding) throws IOException {
    float[] bad = new float[10];
    bad[3] = encoding == ValueEncoding.FLOAT16 ? 70000f : Float.NaN;
    try (MappedValueFile.Writer writer = new MappedValueFile.Writer(dir.resolve("bad"), "k", encoding, 1, 10)) {
      assertThatThrownBy(() -> writer.write(0, bad, 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("value 3 of item 0");
    }
  }
}
