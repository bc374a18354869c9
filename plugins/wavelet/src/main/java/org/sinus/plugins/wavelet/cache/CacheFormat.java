package org.sinus.plugins.wavelet.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.sinus.framework.data.cache.MappedFloatFile;

/**
 * How cached values are stored: as float32 in the framework's {@link MappedFloatFile}, or as IEEE
 * half floats in {@link MappedHalfFile} (half the size; relative error ≤ 2⁻¹¹, values within
 * ±65504). Both verify size, key, completion mark and checksum before a file is used.
 */
public enum CacheFormat {
  FLOAT16("float16", "f16", 2),
  FLOAT32("float32", "f32", 4);

  private final String id;
  private final String extension;
  private final int bytes;

  CacheFormat(String id, String extension, int bytes) {
    this.id = id;
    this.extension = extension;
    this.bytes = bytes;
  }

  /** The name in configs: {@code float16} or {@code float32}. */
  public String id() {
    return id;
  }

  /** File extension: {@code f16} or {@code f32}. */
  public String extension() {
    return extension;
  }

  /** Bytes per stored value. */
  public int bytesPerValue() {
    return bytes;
  }

  public static CacheFormat of(String id) {
    for (CacheFormat format : values()) {
      if (format.id.equals(id)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown cache format '" + id + "', expected float16 or float32");
  }

  /** Size of a file of {@code items × itemValues} values, header included. */
  public long fileBytes(long items, int itemValues) {
    return 128 + items * itemValues * (long) bytes;
  }

  /** A verified cache, or why the file at {@code file} cannot be used. */
  public record Opened(Optional<ValueFile> file, Optional<String> rejection) {}

  /** Opens {@code file} if it is complete, intact and holds what {@code key} describes. */
  public Opened open(Path file, String key, long items, int itemValues) throws IOException {
    if (this == FLOAT16) {
      MappedHalfFile.Opened opened = MappedHalfFile.open(file, key, items, itemValues);
      return new Opened(opened.cache().map(CacheFormat::wrap), opened.rejection());
    }
    MappedFloatFile.Opened opened = MappedFloatFile.open(file, key, items, itemValues);
    return new Opened(opened.cache().map(CacheFormat::wrap), opened.rejection().map(MappedFloatFile.Rejection::reason));
  }

  /** Writes items in any order from any thread; {@link Writer#finish} makes the file visible atomically. */
  public interface Writer extends AutoCloseable {
    void write(long item, float[] values, int offset) throws IOException;

    ValueFile finish() throws IOException;

    @Override
    void close() throws IOException;
  }

  public Writer writer(Path file, String key, long items, int itemValues) throws IOException {
    if (this == FLOAT16) {
      MappedHalfFile.Writer writer = new MappedHalfFile.Writer(file, key, items, itemValues);
      return new Writer() {
        @Override
        public void write(long item, float[] values, int offset) throws IOException {
          writer.write(item, values, offset);
        }

        @Override
        public ValueFile finish() throws IOException {
          return wrap(writer.finish());
        }

        @Override
        public void close() throws IOException {
          writer.close();
        }
      };
    }
    MappedFloatFile.Writer writer = new MappedFloatFile.Writer(file, key, items, itemValues);
    return new Writer() {
      @Override
      public void write(long item, float[] values, int offset) throws IOException {
        for (int i = 0; i < itemValues; i++) {
          if (!Float.isFinite(values[offset + i])) {
            throw new IllegalArgumentException("value " + i + " of item " + item + " is " + values[offset + i]);
          }
        }
        writer.write(item, values, offset);
      }

      @Override
      public ValueFile finish() throws IOException {
        return wrap(writer.finish());
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }

  private static ValueFile wrap(MappedHalfFile file) {
    return new ValueFile() {
      @Override
      public Path file() {
        return file.file();
      }

      @Override
      public long items() {
        return file.items();
      }

      @Override
      public int itemValues() {
        return file.itemValues();
      }

      @Override
      public void read(long item, int from, int length, float[] out, int offset) {
        file.read(item, from, length, out, offset);
      }
    };
  }

  private static ValueFile wrap(MappedFloatFile file) {
    return new ValueFile() {
      @Override
      public Path file() {
        return file.file();
      }

      @Override
      public long items() {
        return file.items();
      }

      @Override
      public int itemValues() {
        return file.itemFloats();
      }

      @Override
      public void read(long item, int from, int length, float[] out, int offset) {
        file.read(item, from, length, out, offset);
      }
    };
  }
}
