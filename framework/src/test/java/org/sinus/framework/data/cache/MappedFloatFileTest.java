package org.sinus.framework.data.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFloatFileTest {
  @TempDir
  Path dir;

  private MappedFloatFile write(Path file, String key, int items, int floats) throws IOException {
    try (MappedFloatFile.Writer writer = new MappedFloatFile.Writer(file, key, items, floats)) {
      for (int i = items - 1; i >= 0; i--) {           // any order
        float[] values = new float[floats];
        for (int j = 0; j < floats; j++) {
          values[j] = i * 1000 + j;
        }
        writer.write(i, values, 0);
      }
      return writer.finish();
    }
  }

  @Test
  void writtenItemsReadBackAndTheFileIsReused() throws IOException {
    Path file = dir.resolve("c.f32");
    MappedFloatFile cache = write(file, "key", 50, 7);
    float[] out = new float[3];
    cache.read(42, 2, 3, out, 0);
    assertThat(out).containsExactly(42002, 42003, 42004);
    MappedFloatFile.Opened opened = MappedFloatFile.open(file, "key", 50, 7);
    assertThat(opened.cache()).isPresent();
    float[] item = new float[7];
    opened.cache().get().read(49, item, 0);
    assertThat(item[6]).isEqualTo(49006);
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary files left").containsExactly(file);
    }
  }

  @Test
  void staleTruncatedCorruptOrIncompleteFilesAreRejectedWithTheReason() throws IOException {
    Path file = dir.resolve("c.f32");
    write(file, "key", 20, 5);
    assertThat(MappedFloatFile.open(file, "other key", 20, 5).rejection().orElseThrow().reason()).contains("key differs");
    assertThat(MappedFloatFile.open(file, "key", 21, 5).rejection().orElseThrow().reason()).contains("size");
    assertThat(MappedFloatFile.open(dir.resolve("none.f32"), "key", 20, 5).rejection().orElseThrow().reason())
        .contains("no cache file");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {9}), 128 + 17);
    }
    assertThat(MappedFloatFile.open(file, "key", 20, 5).rejection().orElseThrow().reason()).contains("checksum");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[8]), 40);    // clear the completion mark
    }
    assertThat(MappedFloatFile.open(file, "key", 20, 5).rejection().orElseThrow().reason()).contains("incomplete");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(100);
    }
    assertThat(MappedFloatFile.open(file, "key", 20, 5).rejection().orElseThrow().reason()).contains("truncated");
  }

  @Test
  void anAbandonedBuildLeavesNoFileBehind() throws IOException {
    Path file = dir.resolve("c.f32");
    try (MappedFloatFile.Writer writer = new MappedFloatFile.Writer(file, "key", 10, 4)) {
      writer.write(0, new float[4], 0);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
