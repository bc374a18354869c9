package org.sinus.framework.data.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A disk cache of {@code items × itemFloats} float32 values, memory-mapped for reading so that it
 * does not live on the Java heap (PTB-XL at 500 Hz is 5.2 GB of signals).
 *
 * <p>The file starts with a 128-byte header: magic, format version, item count and size, a CRC32C
 * of the data, a completion mark and the SHA-256 of the key that describes what was cached (data
 * source + transform settings). {@link #open} returns a cache only if all of these match and the
 * checksum verifies; a stale, truncated or corrupt file is reported as a {@link Rejection} and the
 * caller rebuilds it. Files are written under a temporary name and moved into place atomically, so
 * an interrupted build never leaves a file that looks complete.
 */
public final class MappedFloatFile implements AutoCloseable {
  private static final byte[] MAGIC = "SINUSF32".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int HEADER_BYTES = 128;
  private static final long COMPLETE = 0x434f4d504c455445L; // "COMPLETE"
  private static final long MAX_CHUNK_BYTES = 1L << 30;

  private final Path file;
  private final long items;
  private final int itemFloats;
  private final int itemsPerChunk;
  private final List<FloatBuffer> chunks;
  private final List<ByteBuffer> rawChunks;

  private MappedFloatFile(Path file, long items, int itemFloats, List<ByteBuffer> rawChunks, int itemsPerChunk) {
    this.file = file;
    this.items = items;
    this.itemFloats = itemFloats;
    this.rawChunks = rawChunks;
    this.chunks = rawChunks.stream().map(b -> b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()).toList();
    this.itemsPerChunk = itemsPerChunk;
  }

  /** Why an existing cache file was not used. */
  public record Rejection(Path file, String reason) {}

  /** Result of {@link #open}: the cache, or why it cannot be used. */
  public record Opened(Optional<MappedFloatFile> cache, Optional<Rejection> rejection) {}

  /** SHA-256 of a key text: what identifies the cached content. */
  public static byte[] keyHash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hex of the first bytes of the key hash, for file names. */
  public static String keyName(String key) {
    StringBuilder hex = new StringBuilder();
    for (byte b : Arrays.copyOf(keyHash(key), 8)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  /**
   * Opens an existing cache file if it holds exactly what {@code key} describes, in the expected
   * size, complete and with a verifying checksum.
   */
  public static Opened open(Path file, String key, long items, int itemFloats) throws IOException {
    if (!Files.exists(file)) {
      return rejected(file, "no cache file yet");
    }
    long expectedSize = HEADER_BYTES + items * itemFloats * Float.BYTES;
    long size = Files.size(file);
    if (size != expectedSize) {
      return rejected(file, "size is " + size + " bytes, expected " + expectedSize + " (truncated or stale)");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(header, 0);
      header.flip();
      byte[] magic = new byte[MAGIC.length];
      header.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        return rejected(file, "not a Sinus cache file (bad magic)");
      }
      int version = header.getInt();
      header.getInt();
      long storedItems = header.getLong();
      long storedItemFloats = header.getLong();
      long storedCrc = header.getLong();
      long complete = header.getLong();
      byte[] storedKey = new byte[32];
      header.get(storedKey);
      if (version != VERSION) {
        return rejected(file, "format version " + version + ", expected " + VERSION);
      }
      if (complete != COMPLETE) {
        return rejected(file, "incomplete (an earlier build was interrupted)");
      }
      if (!Arrays.equals(storedKey, keyHash(key))) {
        return rejected(file, "built from other data or settings (key differs)");
      }
      if (storedItems != items || storedItemFloats != itemFloats) {
        return rejected(file, "holds " + storedItems + " × " + storedItemFloats + " values, expected " + items + " × " + itemFloats);
      }
      MappedFloatFile cache = map(file, channel, items, itemFloats);
      long crc = cache.checksum();
      if (crc != storedCrc) {
        return rejected(file, "checksum mismatch (corrupt data)");
      }
      return new Opened(Optional.of(cache), Optional.empty());
    }
  }

  private static Opened rejected(Path file, String reason) {
    return new Opened(Optional.empty(), Optional.of(new Rejection(file, reason)));
  }

  private static MappedFloatFile map(Path file, FileChannel channel, long items, int itemFloats) throws IOException {
    long itemBytes = (long) itemFloats * Float.BYTES;
    int itemsPerChunk = (int) Math.max(1, Math.min(items, MAX_CHUNK_BYTES / itemBytes));
    List<ByteBuffer> chunks = new ArrayList<>();
    for (long first = 0; first < items; first += itemsPerChunk) {
      long count = Math.min(itemsPerChunk, items - first);
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, HEADER_BYTES + first * itemBytes, count * itemBytes);
      chunks.add(mapped);
    }
    return new MappedFloatFile(file, items, itemFloats, chunks, itemsPerChunk);
  }

  public Path file() {
    return file;
  }

  public long items() {
    return items;
  }

  public int itemFloats() {
    return itemFloats;
  }

  /** Copies {@code length} floats of item {@code index}, starting at float {@code from}, into {@code out}. */
  public void read(long index, int from, int length, float[] out, int offset) {
    FloatBuffer chunk = chunks.get((int) (index / itemsPerChunk));
    int position = (int) ((index % itemsPerChunk) * itemFloats) + from;
    chunk.get(position, out, offset, length);
  }

  public void read(long index, float[] out, int offset) {
    read(index, 0, itemFloats, out, offset);
  }

  private long checksum() {
    CRC32C crc = new CRC32C();
    for (ByteBuffer chunk : rawChunks) {
      crc.update(chunk.duplicate());
    }
    return crc.getValue();
  }

  @Override
  public void close() {
    // mapped buffers are released by the garbage collector; nothing to do explicitly
  }

  /**
   * Writes a cache file. Items may be written in any order and from several threads; {@link #finish}
   * checksums, marks the file complete and moves it into place atomically.
   */
  public static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final String key;
    private final long items;
    private final int itemFloats;
    private boolean finished;

    public Writer(Path target, String key, long items, int itemFloats) throws IOException {
      Files.createDirectories(target.toAbsolutePath().getParent());
      this.target = target;
      this.temporary = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
      this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      this.key = key;
      this.items = items;
      this.itemFloats = itemFloats;
      channel.write(ByteBuffer.allocate(HEADER_BYTES), 0);
    }

    /** Writes one item; safe to call concurrently for different items. */
    public void write(long index, float[] values, int offset) throws IOException {
      ByteBuffer bytes = ByteBuffer.allocate(itemFloats * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(values, offset, itemFloats);
      long position = HEADER_BYTES + index * itemFloats * (long) Float.BYTES;
      while (bytes.hasRemaining()) {
        position += channel.write(bytes, position);
      }
    }

    /** Completes the file and opens it for reading. */
    public MappedFloatFile finish() throws IOException {
      MappedFloatFile written = map(temporary, channel, items, itemFloats);
      long crc = written.checksum();
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      header.put(MAGIC).putInt(VERSION).putInt(0).putLong(items).putLong(itemFloats).putLong(crc)
          .putLong(COMPLETE).put(keyHash(key));
      header.rewind();
      channel.write(header, 0);
      channel.force(true);
      channel.close();
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      finished = true;
      try (FileChannel reading = FileChannel.open(target, StandardOpenOption.READ)) {
        return map(target, reading, items, itemFloats);
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
