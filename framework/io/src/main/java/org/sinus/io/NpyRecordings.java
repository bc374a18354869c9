package org.sinus.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a NumPy {@code .npy} array of {@code [channels, samples]} (one row per lead, as
 * {@code np.save(path, signal)} writes a {@code leads × samples} array): format versions 1–3,
 * little- or big-endian {@code float32}, {@code float64}, {@code int16}, {@code int32} or
 * {@code int64}, C or Fortran order. The file holds no sampling rate and no lead names.
 */
final class NpyRecordings {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyRecordings() {}

  static Recording read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RecordingFormatException(file + ": cannot read: " + e.getMessage(), e);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 10 || !startsWithMagic(bytes)) {
      throw new RecordingFormatException(file + ": not a NumPy .npy file (it does not start with \\x93NUMPY)");
    }
    int major = bytes[6];
    int headerLength;
    int headerStart;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(buffer.getShort(8));
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new RecordingFormatException(file + ": truncated .npy header");
      }
      headerLength = buffer.getInt(8);
      headerStart = 12;
    } else {
      throw new RecordingFormatException(file + ": .npy format version " + major + " is not supported (1, 2 or 3)");
    }
    if (headerLength < 0 || headerStart + headerLength > bytes.length) {
      throw new RecordingFormatException(file + ": truncated .npy header (it says " + headerLength + " bytes, the file "
          + "has " + (bytes.length - headerStart) + " after the preamble)");
    }
    String header = new String(bytes, headerStart, headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher descr = DESCR.matcher(header);
    Matcher fortran = FORTRAN.matcher(header);
    Matcher shape = SHAPE.matcher(header);
    if (!descr.find() || !fortran.find() || !shape.find()) {
      throw new RecordingFormatException(file + ": malformed .npy header " + header.strip());
    }
    ElementType type = ElementType.of(descr.group(2), Integer.parseInt(descr.group(3)))
        .orElseThrow(() -> new RecordingFormatException(file + ": dtype '" + descr.group(1) + descr.group(2)
            + descr.group(3) + "' is not supported (float32, float64, int16, int32 or int64)"));
    long[] dims = dimensions(file, shape.group(1));
    if (dims.length != 2) {
      throw new RecordingFormatException(file + ": an array of shape " + shapeText(dims) + "; a recording is a 2-D "
          + "array [leads, samples]");
    }
    int channels = (int) dims[0];
    long samples = dims[1];
    long values = channels * samples;
    if (channels < 1 || samples < 1 || values > Integer.MAX_VALUE) {
      throw new RecordingFormatException(file + ": an array of shape " + shapeText(dims) + " holds no recording");
    }
    long dataBytes = values * type.size;
    int dataStart = headerStart + headerLength;
    if (bytes.length - dataStart != dataBytes) {
      throw new RecordingFormatException(file + ": " + (bytes.length - dataStart < dataBytes ? "truncated" : "too long")
          + ": shape " + shapeText(dims) + " of " + type.name + " needs " + dataBytes + " data bytes, the file has "
          + (bytes.length - dataStart));
    }
    buffer.order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    boolean columnMajor = fortran.group(1).equals("True");
    float[] signal = new float[(int) values];
    for (int i = 0; i < values; i++) {
      // element i of the file is [channel, sample] = (i / samples, i % samples) in C order,
      // (i % channels, i / channels) in Fortran order; the recording is time-major
      int channel = columnMajor ? i % channels : (int) (i / samples);
      long sample = columnMajor ? i / channels : i % samples;
      signal[(int) (sample * channels + channel)] = (float) type.read(buffer, dataStart + (long) i * type.size);
    }
    return new Recording(RecordingFiles.baseName(file), file, OptionalDouble.empty(), List.of(), channels, signal);
  }

  private static boolean startsWithMagic(byte[] bytes) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static long[] dimensions(Path file, String text) {
    String[] parts = text.split(",");
    return Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).mapToLong(s -> {
      try {
        return Long.parseLong(s.replace("L", ""));
      } catch (NumberFormatException e) {
        throw new RecordingFormatException(file + ": malformed .npy shape (" + text + ")");
      }
    }).toArray();
  }

  private static String shapeText(long[] dims) {
    return Arrays.toString(dims).replace('[', '(').replace(']', ')');
  }

  /** The element types a recording may be stored in. */
  private enum ElementType {
    FLOAT32("float32", 4), FLOAT64("float64", 8), INT16("int16", 2), INT32("int32", 4), INT64("int64", 8);

    final String name;
    final int size;

    ElementType(String name, int size) {
      this.name = name;
      this.size = size;
    }

    static Optional<ElementType> of(String kind, int size) {
      for (ElementType type : values()) {
        if (type.size == size && type.name.startsWith(kind.equals("f") ? "float" : kind.equals("i") ? "int" : "?")) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }

    double read(ByteBuffer buffer, long position) {
      int at = (int) position;
      return switch (this) {
        case FLOAT32 -> buffer.getFloat(at);
        case FLOAT64 -> buffer.getDouble(at);
        case INT16 -> buffer.getShort(at);
        case INT32 -> buffer.getInt(at);
        case INT64 -> buffer.getLong(at);
      };
    }

    @Override
    public String toString() {
      return name.toLowerCase(Locale.ROOT);
    }
  }
}
