package org.sinus.engine.run.tensorboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The TFRecord framing of TensorBoard event files: each record is its length (uint64), the masked
 * CRC32C of those 8 bytes (uint32), the data, and the masked CRC32C of the data (uint32), all
 * little-endian. The mask, TensorFlow's {@code crc32c::Mask}, is {@code ((crc >>> 15) | (crc << 17)) +
 * 0xa282ead8}.
 */
public final class TfRecords {
  /** Length and its checksum. */
  static final int HEADER = 12;
  /** The data's checksum. */
  static final int FOOTER = 4;
  private static final int MASK_DELTA = 0xa282ead8;

  private TfRecords() {}

  /**
   * The records of a file, up to the first that is cut short or whose checksums do not match.
   *
   * @param problem where and why reading stopped before the end of the file; empty when every byte was read
   */
  public record Read(List<byte[]> records, Optional<String> problem) {}

  /** One record: the data framed with its length and checksums. */
  public static byte[] frame(byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(HEADER + data.length + FOOTER).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(data.length);
    buffer.putInt(maskedCrc32c(buffer.array(), 0, 8));
    buffer.put(data);
    buffer.putInt(maskedCrc32c(data, 0, data.length));
    return buffer.array();
  }

  /** The CRC32C (Castagnoli) of {@code length} bytes from {@code offset}, masked as TFRecord stores it. */
  public static int maskedCrc32c(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    int value = (int) crc.getValue();
    return ((value >>> 15) | (value << 17)) + MASK_DELTA;
  }

  /**
   * Reads the records of {@code file}. A record cut short at the end is what a writer that was killed
   * (or is still writing) leaves, and a checksum that does not match is damage: either ends the reading,
   * as it ends TensorBoard's, and is reported with its byte offset.
   */
  public static Read read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<byte[]> records = new ArrayList<>();
    while (buffer.hasRemaining()) {
      int start = buffer.position();
      if (buffer.remaining() < HEADER) {
        return new Read(records, Optional.of(file + ": the record at byte " + start + " is cut short (its header has "
            + buffer.remaining() + " of " + HEADER + " bytes)"));
      }
      long length = buffer.getLong();
      if (buffer.getInt() != maskedCrc32c(bytes, start, 8)) {
        return new Read(records, Optional.of(file + ": the length checksum of the record at byte " + start
            + " does not match"));
      }
      if (length < 0 || length > Integer.MAX_VALUE - HEADER - FOOTER) {
        return new Read(records, Optional.of(file + ": the record at byte " + start + " announces "
            + Long.toUnsignedString(length) + " bytes of data, more than a record can hold"));
      }
      if (length > buffer.remaining() - FOOTER) {
        return new Read(records, Optional.of(file + ": the record at byte " + start + " is cut short (" + length
            + " bytes of data announced, " + Math.max(0, buffer.remaining() - FOOTER) + " there)"));
      }
      byte[] data = new byte[(int) length];
      buffer.get(data);
      if (buffer.getInt() != maskedCrc32c(data, 0, data.length)) {
        return new Read(records, Optional.of(file + ": the data checksum of the record at byte " + start
            + " does not match"));
      }
      records.add(data);
    }
    return new Read(records, Optional.empty());
  }
}
