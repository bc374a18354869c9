package org.sinus.plugins.wavelet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both storages verify key, size, completion and checksum, and write atomically. */
class CacheFormatTest {
  @TempDir
  Path dir;

  private static float[] values(int items, int itemValues) {
    float[] values = new float[items * itemValues];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) Math.sin(i * 0.37) * (1 + i % 7);
    }
    return values;
  }

  private ValueFile write(CacheFormat format, Path file, String key, float[] values, int items, int itemValues)
      throws IOException {
    try (CacheFormat.Writer writer = format.writer(file, key, items, itemValues)) {
      for (int i = items - 1; i >= 0; i--) {        // any order
        writer.write(i, values, i * itemValues);
      }
      return writer.finish();
    }
  }

  @ParameterizedTest
  @EnumSource(CacheFormat.class)
  void roundTripsAndIsReusedUnderTheSameKey(CacheFormat format) throws IOException {
    Path file = dir.resolve("cache." + format.extension());
    float[] values = values(5, 300);
    ValueFile written = write(format, file, "key-a", values, 5, 300);
    assertThat(Files.size(file)).isEqualTo(format.fileBytes(5, 300));
    CacheFormat.Opened opened = format.open(file, "key-a", 5, 300);
    assertThat(opened.rejection()).isEmpty();
    float[] row = new float[20];
    for (ValueFile cache : new ValueFile[] {written, opened.file().orElseThrow()}) {
      cache.read(3, 100, 20, row, 0);
      for (int i = 0; i < 20; i++) {
        float expected = values[3 * 300 + 100 + i];
        float tolerance = format == CacheFormat.FLOAT16 ? Math.abs(expected) * 0x1p-11f + 0x1p-25f : 0f;
        assertThat(Math.abs(row[i] - expected)).isLessThanOrEqualTo(tolerance);
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").containsExactly(file);
    }
  }

  @ParameterizedTest
  @EnumSource(CacheFormat.class)
  void aCorruptFileIsRejected(CacheFormat format) throws IOException {
    Path file = dir.resolve("cache." + format.extension());
    write(format, file, "key", values(4, 100), 4, 100);
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(128 + 2 * 100 + 7);
      int b = raw.read();
      raw.seek(128 + 2 * 100 + 7);
      raw.write(b ^ 0x10);
    }
    assertThat(format.open(file, "key", 4, 100).rejection()).hasValueSatisfying(r -> assertThat(r).contains("checksum"));
  }

  @ParameterizedTest
  @EnumSource(CacheFormat.class)
  void staleTruncatedOrIncompleteFilesAreRejected(CacheFormat format) throws IOException {
    Path file = dir.resolve("cache." + format.extension());
    write(format, file, "settings-1", values(4, 100), 4, 100);
    assertThat(format.open(file, "settings-2", 4, 100).rejection()).hasValueSatisfying(r -> assertThat(r).contains("key differs"));
    assertThat(format.open(file, "settings-1", 5, 100).rejection()).hasValueSatisfying(r -> assertThat(r).contains("size"));
    assertThat(format.open(dir.resolve("missing"), "settings-1", 4, 100).rejection()).isPresent();

    // an interrupted build leaves no file that looks complete
    Path other = dir.resolve("other." + format.extension());
    try (CacheFormat.Writer writer = format.writer(other, "k", 2, 10)) {
      writer.write(0, new float[10], 0);
    }
    assertThat(other).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }

    // a complete-looking header with the completion mark wiped
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(8 + 4 + 4 + 8 + 8 + 8);
      raw.writeLong(0);
    }
    assertThat(format.open(file, "settings-1", 4, 100).rejection()).hasValueSatisfying(r -> assertThat(r).contains("incomplete"));
  }

  @ParameterizedTest
  @EnumSource(CacheFormat.class)
  void valuesThatCannotBeStoredAreRefused(CacheFormat format) throws IOException {
    float[] bad = new float[10];
    bad[3] = format == CacheFormat.FLOAT16 ? 70000f : Float.NaN;
    try (CacheFormat.Writer writer = format.writer(dir.resolve("bad"), "k", 1, 10)) {
      assertThatThrownBy(() -> writer.write(0, bad, 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("value 3 of item 0");
    }
  }
}
