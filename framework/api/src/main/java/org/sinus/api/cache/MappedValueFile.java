package org.sinus.api.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A disk cache of {@code items × itemValues} values, stored as float32 or float16
 * ({@link ValueEncoding}) and memory-mapped for reading so that it does not live on the Java heap
 * (PTB-XL at 500 Hz is 5.2 GB of signals). Values are read back as floats whatever the encoding.
 *
 * <p>The file starts with a 128-byte header: magic ({@code SINUSF32} or {@code SINUSF16}), format
 * version, item count and size, a CRC32C of the data, a completion mark and the SHA-256 of the key
 * that describes what was cached (data source + transform settings). {@link #open} returns a cache
 * only if all of these match and the checksum verifies; a stale, truncated or corrupt file is
 * reported as a {@link Rejection} and the caller rebuilds it. Files are written under a temporary
 * name and moved into place atomically, so an interrupted build never leaves a file that looks
 * complete.
 */
public final class MappedValueFile implements AutoCloseable {
  private static final int VERSION = 1;
  static final int HEADER_BYTES = 128;
  private static final long COMPLETE = 0x434f4d504c455445L; // "COMPLETE"
  private static final long MAX_CHUNK_BYTES = 1L << 30;

  private final Path file;
  private final ValueEncoding encoding;
  private final long items;
  private final int itemValues;
  private final int itemsPerChunk;
  private final List<ByteBuffer> rawChunks;
  /** The chunks as floats (float32) or as halves (float16); the other list is empty. */
  private final List<FloatBuffer> floatChunks;
  private final List<ShortBuffer> halfChunks;
  private final ThreadLocal<short[]> halfScratch = new ThreadLocal<>();

  private MappedValueFile(Path file, ValueEncoding encoding, long items, int itemValues, List<ByteBuffer> rawChunks,
                          int itemsPerChunk) {
    this.file = file;
    this.encoding = encoding;
    this.items = items;
    this.itemValues = itemValues;
    this.rawChunks = rawChunks;
    boolean halves = encoding == ValueEncoding.FLOAT16;
    this.floatChunks = halves ? List.of()
        : rawChunks.stream().map(b -> b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()).toList();
    this.halfChunks = halves
        ? rawChunks.stream().map(b -> b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer()).toList() : List.of();
    this.itemsPerChunk = itemsPerChunk;
  }

  /** Why an existing cache file was not used. */
  public record Rejection(Path file, String reason) {}

  /** Result of {@link #open}: the cache, or why it cannot be used. */
  public record Opened(Optional<MappedValueFile> cache, Optional<Rejection> rejection) {}

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

  /** Bytes of a file of {@code items × itemValues} values in {@code encoding}, header included. */
  public static long fileBytes(ValueEncoding encoding, long items, int itemValues) {
    return HEADER_BYTES + items * itemValues * (long) encoding.bytesPerValue();
  }

  /**
   * Opens an existing cache file if it holds exactly what {@code key} describes, in the expected
   * encoding and size, complete and with a verifying checksum.
   */
  public static Opened open(Path file, String key, ValueEncoding encoding, long items, int itemValues)
      throws IOException {
    if (!Files.exists(file)) {
      return rejected(file, "no cache file yet");
    }
    long expectedSize = fileBytes(encoding, items, itemValues);
    long size = Files.size(file);
    if (size != expectedSize) {
      return rejected(file, "size is " + size + " bytes, expected " + expectedSize + " (truncated or stale)");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      RawHeader header = RawHeader.read(channel);
      if (!Arrays.equals(header.magic(), encoding.magic())) {
        return rejected(file, "not a Sinus " + encoding.id() + " cache file (bad magic)");
      }
      if (header.version() != VERSION) {
        return rejected(file, "format version " + header.version() + ", expected " + VERSION);
      }
      if (!header.complete()) {
        return rejected(file, "incomplete (an earlier build was interrupted)");
      }
      if (!Arrays.equals(header.keyHash(), keyHash(key))) {
        return rejected(file, "built from other data or settings (key differs)");
      }
      if (header.items() != items || header.itemValues() != itemValues) {
        return rejected(file, "holds " + header.items() + " × " + header.itemValues() + " values, expected " + items
            + " × " + itemValues);
      }
      MappedValueFile cache = map(file, channel, encoding, items, itemValues);
      if (cache.checksum() != header.crc()) {
        return rejected(file, "checksum mismatch (corrupt data)");
      }
      markUsed(file);
      return new Opened(Optional.of(cache), Optional.empty());
    }
  }

  /**
   * Sets the file's modification time to now, so that {@code sinus cache clean --unused-days} sees
   * when it was last used; a read-only cache directory is left as it is.
   */
  private static void markUsed(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // read-only: the time stays the build time
    }
  }

  /** What the header of a file says, without verifying its data (for listing caches). */
  public enum State { COMPLETE, INCOMPLETE, NOT_A_CACHE }

  /** A cache file's encoding and state from its header alone; fast, does not read the data. */
  public record Header(Optional<ValueEncoding> encoding, State state, long items, long itemValues) {}

  /** Reads only the header of {@code file}. */
  public static Header header(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() < HEADER_BYTES) {
        return new Header(Optional.empty(), State.NOT_A_CACHE, 0, 0);
      }
      RawHeader header = RawHeader.read(channel);
      for (ValueEncoding encoding : ValueEncoding.values()) {
        if (Arrays.equals(header.magic(), encoding.magic())) {
          return new Header(Optional.of(encoding), header.complete() ? State.COMPLETE : State.INCOMPLETE,
              header.items(), header.itemValues());
        }
      }
      return new Header(Optional.empty(), State.NOT_A_CACHE, 0, 0);
    }
  }

  /** The 128-byte header as written by {@link Writer#finish}: magic, version, sizes, CRC, completion, key hash. */
  private record RawHeader(byte[] magic, int version, long items, long itemValues, long crc, boolean complete,
                           byte[] keyHash) {
    static RawHeader read(FileChannel channel) throws IOException {
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(header, 0);
      header.rewind();
      byte[] magic = new byte[8];
      header.get(magic);
      int version = header.getInt();
      header.getInt();
      long items = header.getLong();
      long itemValues = header.getLong();
      long crc = header.getLong();
      boolean complete = header.getLong() == COMPLETE;
      byte[] keyHash = new byte[32];
      header.get(keyHash);
      return new RawHeader(magic, version, items, itemValues, crc, complete, keyHash);
    }
  }

  private static Opened rejected(Path file, String reason) {
    return new Opened(Optional.empty(), Optional.of(new Rejection(file, reason)));
  }

  private static MappedValueFile map(Path file, FileChannel channel, ValueEncoding encoding, long items, int itemValues)
      throws IOException {
    long itemBytes = (long) itemValues * encoding.bytesPerValue();
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
    return new MappedValueFile(file, encoding, items, itemValues, chunks, itemsPerChunk);
  }

  public Path file() {
    return file;
  }

  public ValueEncoding encoding() {
    return encoding;
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
    int chunk = (int) (index / itemsPerChunk);
    int position = (int) ((index % itemsPerChunk) * itemValues) + from;
    if (encoding == ValueEncoding.FLOAT32) {
      floatChunks.get(chunk).get(position, out, offset, length);
      return;
    }
    short[] halves = halfScratch.get();
    if (halves == null || halves.length < length) {
      halves = new short[Math.max(length, 4096)];
      halfScratch.set(halves);
    }
    halfChunks.get(chunk).get(position, halves, 0, length);
    for (int i = 0; i < length; i++) {
      out[offset + i] = Half.toFloat(halves[i]);
    }
  }

  /** Copies all values of item {@code index} into {@code out}. */
  public void read(long index, float[] out, int offset) {
    read(index, 0, itemValues, out, offset);
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
   * checksums, marks the file complete and moves it into place atomically. Closing an unfinished
   * writer deletes its temporary file.
   */
  public static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final String key;
    private final ValueEncoding encoding;
    private final long items;
    private final int itemValues;
    private boolean finished;

    public Writer(Path target, String key, ValueEncoding encoding, long items, int itemValues) throws IOException {
      Files.createDirectories(target.toAbsolutePath().getParent());
      this.target = target;
      this.temporary = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
      this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      this.key = key;
      this.encoding = encoding;
      this.items = items;
      this.itemValues = itemValues;
      channel.write(ByteBuffer.allocate(HEADER_BYTES), 0);
    }

    /**
     * Writes item {@code index}: {@code itemValues} floats from {@code values[offset]} on; safe to
     * call concurrently for different items.
     *
     * @throws IllegalArgumentException if a value is not finite or beyond the encoding's range
     */
    public void write(long index, float[] values, int offset) throws IOException {
      if (index < 0 || index >= items) {
        throw new IndexOutOfBoundsException("item " + index + " of " + items);
      }
      ByteBuffer bytes = ByteBuffer.allocate(itemValues * encoding.bytesPerValue()).order(ByteOrder.LITTLE_ENDIAN);
      encoding.encode(values, offset, itemValues, index, bytes);
      bytes.flip();
      long position = HEADER_BYTES + index * itemValues * (long) encoding.bytesPerValue();
      while (bytes.hasRemaining()) {
        position += channel.write(bytes, position);
      }
    }

    /** Completes the file and opens it for reading. */
    public MappedValueFile finish() throws IOException {
      MappedValueFile written = map(temporary, channel, encoding, items, itemValues);
      long crc = written.checksum();
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      header.put(encoding.magic()).putInt(VERSION).putInt(0).putLong(items).putLong(itemValues).putLong(crc)
          .putLong(COMPLETE).put(keyHash(key));
      header.rewind();
      channel.write(header, 0);
      channel.force(true);
      channel.close();
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      finished = true;
      try (FileChannel reading = FileChannel.open(target, StandardOpenOption.READ)) {
        return map(target, reading, encoding, items, itemValues);
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
