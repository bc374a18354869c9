package org.sinus.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.cache.MappedValueFile;
import org.sinus.api.cache.ValueEncoding;

class CacheInventoryTest {
  @TempDir
  Path dir;

  private Path cache(String name, ValueEncoding encoding) throws IOException {
    Path file = dir.resolve(name);
    try (MappedValueFile.Writer writer = new MappedValueFile.Writer(file, name, encoding, 3, 10)) {
      for (int i = 0; i < 3; i++) {
        writer.write(i, new float[10], 0);
      }
      writer.finish();
    }
    return file;
  }

  @Test
  void listsCacheFilesByStateAndCleansOnlyWhatIsSafeToDelete() throws IOException, InterruptedException {
    Path fresh = cache("ptbxl/signals-100hz-a.f32", ValueEncoding.FLOAT32);
    Path old = cache("cwt/ptbxl-b.f16", ValueEncoding.FLOAT16);
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    Path incomplete = cache("cwt/ptbxl-c.f32", ValueEncoding.FLOAT32);
    try (RandomAccessFile raw = new RandomAccessFile(incomplete.toFile(), "rw")) {
      raw.seek(8 + 4 + 4 + 8 + 8 + 8);
      raw.writeLong(0);                                   // the completion mark
    }
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path abandoned = Files.writeString(dir.resolve("cwt/ptbxl-d.f16.tmp-" + finished.pid()), "partial");
    Path building = Files.writeString(dir.resolve("cwt/ptbxl-e.f16.tmp-" + ProcessHandle.current().pid()), "partial");
    Path part = cache("cwt/ptbxl-f.f16.parts/0-3.part", ValueEncoding.FLOAT16);   // of a file built in ranges
    Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    Files.writeString(dir.resolve("notes.txt"), "not a cache");
    Files.writeString(dir.resolve("cwt/foreign.f32"), "not a Sinus cache either, despite its name");

    List<CacheInventory.Entry> entries = CacheInventory.scan(dir);
    Map<Path, CacheInventory.Status> status = entries.stream()
        .collect(Collectors.toMap(CacheInventory.Entry::file, CacheInventory.Entry::status));
    assertThat(status).containsOnly(Map.entry(fresh, CacheInventory.Status.COMPLETE),
        Map.entry(old, CacheInventory.Status.COMPLETE), Map.entry(incomplete, CacheInventory.Status.INCOMPLETE),
        Map.entry(abandoned, CacheInventory.Status.ABANDONED), Map.entry(building, CacheInventory.Status.BUILDING),
        Map.entry(part, CacheInventory.Status.PART));

    Instant now = Instant.now();
    assertThat(CacheInventory.removable(entries, false, null, now)).extracting(CacheInventory.Entry::file)
        .containsExactlyInAnyOrder(incomplete, abandoned);
    assertThat(CacheInventory.removable(entries, false, Duration.ofDays(30), now)).extracting(CacheInventory.Entry::file)
        .containsExactlyInAnyOrder(incomplete, abandoned, old, part);
    assertThat(CacheInventory.removable(entries, true, null, now)).extracting(CacheInventory.Entry::file)
        .containsExactlyInAnyOrder(incomplete, abandoned, old, fresh, part);
    assertThat(CacheInventory.scan(dir.resolve("missing"))).isEmpty();
  }

  @Test
  void reusingACacheMarksItUsed() throws IOException {
    Path file = cache("a.f32", ValueEncoding.FLOAT32);
    Instant longAgo = Instant.now().minus(Duration.ofDays(100));
    Files.setLastModifiedTime(file, FileTime.from(longAgo));
    assertThat(MappedValueFile.open(file, "a.f32", ValueEncoding.FLOAT32, 3, 10).cache()).isPresent();
    assertThat(Files.getLastModifiedTime(file).toInstant()).isAfter(longAgo.plus(Duration.ofDays(99)));
  }
}
