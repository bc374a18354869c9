package org.sinus.plugins.wavelet.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.sinus.framework.data.cache.MappedFloatFile;

/**
 * A disk cache of {@code items × itemValues} values stored as IEEE half floats (2 bytes each),
 * memory-mapped for reading: the float16 sibling of the framework's {@link MappedFloatFile}, with
 * the same safeguards. The file starts with a 128-byte header (magic {@code SINUSF16}, format
 * version, item count and size, a CRC32C of the data, a completion mark and the SHA-256 of the key
 * describing what was cached); {@link #open} maps a file only if all of these match and the
 * checksum verifies, and otherwise says why, so the caller rebuilds it. Files are written under a
 * temporary name and moved into place atomically.
 *
 * <p>Half floats halve the size of a float32 cache; a value is stored with a relative error of at
 * most 2⁻¹¹ (see {@link Half}). The writer refuses values beyond ±65504 rather than storing
 * infinities.
 */
public final class MappedHalfFile {
  private static final byte[] MAGIC = "SINUSF16".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  static final int HEADER_BYTES = 128;
  private static final long COMPLETE = 0x434f4d504c455445L; // "COMPLETE"
  private static final long MAX_CHUNK_BYTES = 1L << 30;

  private final Path file;
  private final long items;
  private final int itemValues;
  private final int itemsPerChunk;
  private final List<ShortBuffer> chunks;
  private final List<ByteBuffer> rawChunks;
  private final ThreadLocal<short[]> scratch = new ThreadLocal<>();

  private MappedHalfFile(Path file, long items, int itemValues, List<ByteBuffer> rawChunks, int itemsPerChunk) {
    this.file = file;
    this.items = items;
    this.itemValues = itemValues;
    this.rawChunks = rawChunks;
    this.chunks = rawChunks.stream().map(b -> b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer()).toList();
    this.itemsPerChunk = itemsPerChunk;
  }

  /** Bytes of a file of {@code items × itemValues} halves, header included. */
  public static long fileBytes(long items, int itemValues) {
    return HEADER_BYTES + items * itemValues * 2L;
  }

  /** Result of {@link #open}: the cache, or why an existing file cannot be used. */
  public record Opened(java.util.Optional<MappedHalfFile> cache, java.util.Optional<String> rejection) {}

  /**
   * Opens {@code file} if it holds exactly what {@code key} describes, in the expected size,
   * complete and with a verifying checksum; otherwise {@link Opened#rejection()} says why.
   */
  public static Opened open(Path file, String key, long items, int itemValues) throws IOException {
    if (!Files.exists(file)) {
      return rejected("no cache file yet");
    }
    long expected = fileBytes(items, itemValues);
    long size = Files.size(file);
    if (size != expected) {
      return rejected("size is " + size + " bytes, expected " + expected + " (truncated or stale)");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(header, 0);
      header.flip();
      byte[] magic = new byte[MAGIC.length];
      header.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        return rejected("not a Sinus float16 cache file (bad magic)");
      }
      int version = header.getInt();
      header.getInt();
      long storedItems = header.getLong();
      long storedItemValues = header.getLong();
      long storedCrc = header.getLong();
      long complete = header.getLong();
      byte[] storedKey = new byte[32];
      header.get(storedKey);
      if (version != VERSION) {
        return rejected("format version " + version + ", expected " + VERSION);
      }
      if (complete != COMPLETE) {
        return rejected("incomplete (an earlier build was interrupted)");
      }
      if (!Arrays.equals(storedKey, MappedFloatFile.keyHash(key))) {
        return rejected("built from other data or settings (key differs)");
      }
      if (storedItems != items || storedItemValues != itemValues) {
        return rejected("holds " + storedItems + " × " + storedItemValues + " values, expected " + items + " × " + itemValues);
      }
      MappedHalfFile cache = map(file, channel, items, itemValues);
      if (cache.checksum() != storedCrc) {
        return rejected("checksum mismatch (corrupt data)");
      }
      return new Opened(java.util.Optional.of(cache), java.util.Optional.empty());
    }
  }

  private static Opened rejected(String reason) {
    return new Opened(java.util.Optional.empty(), java.util.Optional.of(reason));
  }

  private static MappedHalfFile map(Path file, FileChannel channel, long items, int itemValues) throws IOException {
    long itemBytes = itemValues * 2L;
    if (itemBytes > MAX_CHUNK_BYTES) {
      throw new IllegalArgumentException("an item of " + itemValues + " values is larger than a mapped chunk (1 GiB)");
    }
    int itemsPerChunk = (int) Math.max(1, Math.min(items, MAX_CHUNK_BYTES / itemBytes));
    List<ByteBuffer> chunks = new ArrayList<>();
    for (long first = 0; first < items; first += itemsPerChunk) {
      long count = Math.min(itemsPerChunk, items - first);
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, HEADER_BYTES + first * itemBytes,
          count * itemBytes);
      chunks.add(mapped);
    }
    return new MappedHalfFile(file, items, itemValues, chunks, itemsPerChunk);
  }

  public Path file() {
    return file;
  }

  public long items() {
    return items;
  }

  public int itemValues() {
    return itemValues;
  }

  /**
   * Copies {@code length} values of item {@code index}, starting at value {@code from}, into
   * {@code out} as floats. Safe to call from several threads.
   */
  public void read(long index, int from, int length, float[] out, int offset) {
    ShortBuffer chunk = chunks.get((int) (index / itemsPerChunk));
    int position = (int) ((index % itemsPerChunk) * itemValues) + from;
    short[] halves = scratch.get();
    if (halves == null || halves.length < length) {
      halves = new short[Math.max(length, 4096)];
      scratch.set(halves);
    }
    chunk.get(position, halves, 0, length);
    for (int i = 0; i < length; i++) {
      out[offset + i] = Half.toFloat(halves[i]);
    }
  }

  private long checksum() {
    CRC32C crc = new CRC32C();
    for (ByteBuffer chunk : rawChunks) {
      crc.update(chunk.duplicate());
    }
    return crc.getValue();
  }

  /**
   * Writes a cache file. Items may be written in any order and from several threads; {@link #finish}
   * checksums, marks the file complete and moves it into place atomically. Closing an unfinished
   * writer deletes its temporary file.
   */
  public static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final String key;
    private final long items;
    private final int itemValues;
    private boolean finished;

    public Writer(Path target, String key, long items, int itemValues) throws IOException {
      Files.createDirectories(target.toAbsolutePath().getParent());
      this.target = target;
      this.temporary = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
      this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      this.key = key;
      this.items = items;
      this.itemValues = itemValues;
      channel.write(ByteBuffer.allocate(HEADER_BYTES), 0);
    }

    /**
     * Writes one item, {@code itemValues} floats from {@code values[offset]} on, as halves; safe to
     * call concurrently for different items.
     *
     * @throws IllegalArgumentException if a value is NaN or beyond ±65504, the range of a half
     */
    public void write(long index, float[] values, int offset) throws IOException {
      if (index < 0 || index >= items) {
        throw new IndexOutOfBoundsException("item " + index + " of " + items);
      }
      ByteBuffer bytes = ByteBuffer.allocate(itemValues * 2).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < itemValues; i++) {
        float value = values[offset + i];
        if (!(Math.abs(value) <= Half.MAX)) {
          throw new IllegalArgumentException("value " + i + " of item " + index + " is " + value
              + ", outside the float16 range ±" + Half.MAX);
        }
        bytes.putShort(Half.fromFloat(value));
      }
      bytes.flip();
      long position = HEADER_BYTES + index * itemValues * 2L;
      while (bytes.hasRemaining()) {
        position += channel.write(bytes, position);
      }
    }

    /** Completes the file and opens it for reading. */
    public MappedHalfFile finish() throws IOException {
      MappedHalfFile written = map(temporary, channel, items, itemValues);
      long crc = written.checksum();
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      header.put(MAGIC).putInt(VERSION).putInt(0).putLong(items).putLong(itemValues).putLong(crc)
          .putLong(COMPLETE).put(MappedFloatFile.keyHash(key));
      header.rewind();
      channel.write(header, 0);
      channel.force(true);
      channel.close();
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      finished = true;
      try (FileChannel reading = FileChannel.open(target, StandardOpenOption.READ)) {
        return map(target, reading, items, itemValues);
      }
    }

    @Override
    public void close() throws IOException {
      if (!finished) {
        channel.close();
        Files.deleteIfExists(temporary);
      }
    }
  }
}
