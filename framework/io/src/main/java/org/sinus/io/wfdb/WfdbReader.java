package org.sinus.io.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Reads the samples of a WFDB record as a time-major {@code [samples × signals]} array, the layout
 * the rest of Sinus uses: the value of signal {@code s} at sample {@code t} is at
 * {@code t * signalCount + s}.
 *
 * <p>Each signal file is read with one bulk read and decoded in one loop; signals of one file are
 * stored interleaved, sample by sample. Storage formats 16, 61, 80, 160, 212, 24 and 32 are
 * decoded; signals must have one sample per frame and no skew.
 *
 * <p>Every read is verified, and any failure throws a {@link WfdbFormatException} naming the file:
 *
 * <ul>
 *   <li>each signal file is exactly as long as byte offset plus samples × signals in its format;
 *   <li>the first sample of each signal equals the header's initial value, when the header gives it;
 *   <li>the sum of all samples of each signal modulo 65536 equals the header's checksum, when the
 *       header gives it and states the number of samples (headers write checksums signed or
 *       unsigned; both are accepted).
 * </ul>
 *
 * <p>Physical values are {@code (digital - baseline) / gain} as float; a sample holding the
 * format's "invalid" marker (its most negative value, e.g. -32768 in format 16) becomes NaN, as in
 * the WFDB tools.
 *
 * <p>A reader reuses its buffers from record to record, so reading many records allocates little;
 * it is therefore not thread-safe: use one reader per thread.
 */
public final class WfdbReader {
  private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

  private ByteBuffer bytes = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
  private int[] decoded = new int[0];

  /**
   * Samples per signal of a record: the header's count, or, if the header leaves it unspecified,
   * what the size of the first signal file holds.
   *
   * @throws WfdbFormatException if a signal uses a storage format or layout this reader does not
   *     support, or (length unspecified) the first signal file is missing or holds no whole number
   *     of samples
   */
  public int samples(WfdbHeader header) {
    checkSupported(header);
    if (header.samplesKnown() || header.signalCount() == 0) {
      return header.samplesPerSignal();
    }
    int end = groupEnd(header, 0);
    SampleFormat format = SampleFormat.of(header.signal(0).format());
    Path path = header.signalFile(0);
    long offset = header.signal(0).byteOffset();
    long size = size(path);
    int signals = end;
    long frames = size < offset ? 0 : format.samplesIn(size - offset) / signals;
    if (size != offset + format.bytes(frames * signals)) {
      throw new WfdbFormatException(path + ": " + String.format(Locale.ROOT, "%,d", size) + " bytes are not "
          + (offset > 0 ? "a " + offset + "-byte offset plus " : "") + "a whole number of samples of "
          + plural(signals, "signal") + " in format " + format.code()
          + " (the header does not state the number of samples)");
    }
    if (frames * header.signalCount() > MAX_VALUES) {
      throw new WfdbFormatException(path + ": " + frames + " samples × " + plural(header.signalCount(), "signal")
          + " are too many to read into one array");
    }
    return (int) frames;
  }

  /** The record's digital samples, {@code [samples × signals]}, time-major. */
  public int[] readDigital(WfdbHeader header) {
    int[] out = new int[valueCount(header, samples(header))];
    readDigital(header, out, 0);
    return out;
  }

  /**
   * Writes the record's digital samples into {@code out} from {@code offset} on, time-major.
   *
   * @return samples per signal that were written ({@code samples × signals} values in all)
   */
  public int readDigital(WfdbHeader header, int[] out, int offset) {
    int samples = samples(header);
    checkRoom(header, samples, out.length, offset);
    int signals = header.signalCount();
    for (int first = 0; first < signals; ) {
      int end = groupEnd(header, first);
      readGroup(header, first, end, samples);
      int width = end - first;
      if (width == signals) {
        System.arraycopy(decoded, 0, out, offset, samples * signals);
      } else {
        for (int j = 0; j < width; j++) {
          for (int t = 0, d = j, o = offset + first + j; t < samples; t++, d += width, o += signals) {
            out[o] = decoded[d];
          }
        }
      }
      first = end;
    }
    return samples;
  }

  /** The record's physical values, {@code [samples × signals]}, time-major. */
  public float[] readPhysical(WfdbHeader header) {
    float[] out = new float[valueCount(header, samples(header))];
    readPhysical(header, out, 0);
    return out;
  }

  /**
   * Writes the record's physical values {@code (digital - baseline) / gain} into {@code out} from
   * {@code offset} on, time-major; nothing else in {@code out} is touched. Use this to fill one
   * large array (or a reused buffer) without allocating per record.
   *
   * @return samples per signal that were written ({@code samples × signals} values in all)
   * @throws IllegalArgumentException if {@code out} has no room for the record from {@code offset}
   */
  public int readPhysical(WfdbHeader header, float[] out, int offset) {
    int samples = samples(header);
    checkRoom(header, samples, out.length, offset);
    int signals = header.signalCount();
    for (int first = 0; first < signals; ) {
      int end = groupEnd(header, first);
      SampleFormat format = readGroup(header, first, end, samples);
      int invalid = format.invalidSample();
      int width = end - first;
      for (int j = 0; j < width; j++) {
        WfdbSignal signal = header.signal(first + j);
        int baseline = signal.baseline();
        double gain = signal.gain();
        for (int t = 0, d = j, o = offset + first + j; t < samples; t++, d += width, o += signals) {
          int value = decoded[d];
          out[o] = value == invalid ? Float.NaN : (float) ((value - baseline) / gain);
        }
      }
      first = end;
    }
    return samples;
  }

  /** Reads, decodes and verifies the file of signals {@code [first, end)} into {@link #decoded}. */
  private SampleFormat readGroup(WfdbHeader header, int first, int end, int samples) {
    SampleFormat format = SampleFormat.of(header.signal(first).format()); // checked by samples()
    int width = end - first;
    int count = samples * width; // fits: samples × all signals was checked
    Path path = header.signalFile(first);
    load(path, header.signal(first).byteOffset(), format, samples, width);
    if (decoded.length < count) {
      decoded = new int[count];
    }
    format.decode(bytes, decoded, count);
    verify(header, path, first, end, samples);
    return format;
  }

  /** Reads the data bytes of one signal file (after its byte offset) into {@link #bytes}. */
  private void load(Path path, long offset, SampleFormat format, int samples, int width) {
    long dataBytes = format.bytes((long) samples * width);
    long expected = offset + dataBytes;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size != expected) {
        throw new WfdbFormatException(path + ": " + (size < expected ? "truncated" : "too long") + ": "
            + String.format(Locale.ROOT, "%,d bytes, expected %,d for ", size, expected)
            + (offset > 0 ? "a " + offset + "-byte offset plus " : "")
            + samples + " samples × " + plural(width, "signal") + " in format " + format.code());
      }
      if (bytes.capacity() < dataBytes) {
        bytes = ByteBuffer.allocate((int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
      }
      bytes.clear().limit((int) dataBytes);
      long position = offset;
      while (bytes.hasRemaining()) {
        int read = channel.read(bytes, position);
        if (read < 0) {
          throw new WfdbFormatException(path + ": truncated while reading: ended at byte " + position
              + ", expected " + expected);
        }
        position += read;
      }
    } catch (NoSuchFileException e) {
      throw new WfdbFormatException(path + ": signal file does not exist", e);
    } catch (IOException e) {
      throw new WfdbFormatException(path + ": cannot read signal file: " + e, e);
    }
  }

  private void verify(WfdbHeader header, Path path, int first, int end, int samples) {
    int width = end - first;
    for (int j = 0; j < width; j++) {
      int index = first + j;
      WfdbSignal signal = header.signal(index);
      if (samples > 0 && signal.initialValue().isPresent() && decoded[j] != signal.initialValue().getAsInt()) {
        throw new WfdbFormatException(path + ": first sample of " + label(header, index) + " is " + decoded[j]
            + ", header says initial value " + signal.initialValue().getAsInt());
      }
      if (header.samplesKnown() && signal.checksum().isPresent()) {
        int sum = 0;
        for (int t = 0, d = j; t < samples; t++, d += width) {
          sum += decoded[d];
        }
        int stated = signal.checksum().getAsInt();
        if (((sum - stated) & 0xffff) != 0) {
          int shown = stated < 0 ? (short) sum : sum & 0xffff; // in the header's convention
          throw new WfdbFormatException(path + ": checksum of " + label(header, index) + " is " + shown
              + ", header says " + stated);
        }
      }
    }
  }

  /** Checks, before any file is opened, that this reader can decode every signal of the record. */
  private static void checkSupported(WfdbHeader header) {
    for (int index = 0; index < header.signalCount(); index++) {
      WfdbSignal signal = header.signal(index);
      String problem = null;
      if (SampleFormat.of(signal.format()) == null) {
        problem = "is stored in format " + signal.format() + ", which this reader does not decode (it reads formats "
            + SampleFormat.SUPPORTED + ")";
      } else if (signal.samplesPerFrame() != 1) {
        problem = "has " + signal.samplesPerFrame() + " samples per frame; multi-frequency records are not supported";
      } else if (signal.skew() != 0) {
        problem = "has a skew of " + signal.skew() + " samples; skewed signals are not supported";
      } else if (signal.blockSize() != 0) {
        problem = "has a block size of " + signal.blockSize() + " bytes; block-structured files are not supported";
      } else if (signal.fileName().equals("-")) {
        problem = "is read from standard input ('-'), which is not supported";
      }
      if (problem != null) {
        throw new WfdbFormatException(header.file() + ": " + label(header, index) + " " + problem);
      }
    }
  }

  /** One past the last signal stored in the same file as signal {@code first}. */
  private static int groupEnd(WfdbHeader header, int first) {
    String fileName = header.signal(first).fileName();
    int end = first + 1;
    while (end < header.signalCount() && header.signal(end).fileName().equals(fileName)) {
      end++;
    }
    return end;
  }

  private static int valueCount(WfdbHeader header, int samples) {
    long values = (long) samples * header.signalCount();
    if (values > MAX_VALUES) {
      throw new WfdbFormatException(header.file() + ": " + samples + " samples × "
          + plural(header.signalCount(), "signal") + " are too many to read into one array");
    }
    return (int) values;
  }

  private static void checkRoom(WfdbHeader header, int samples, int length, int offset) {
    long values = valueCount(header, samples);
    if (offset < 0 || offset + values > length) {
      throw new IllegalArgumentException("record " + header.recordName() + " needs " + values + " values ("
          + samples + " samples × " + plural(header.signalCount(), "signal") + ") from offset " + offset
          + ", but the array has " + length);
    }
  }

  private static long size(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return channel.size();
    } catch (NoSuchFileException e) {
      throw new WfdbFormatException(path + ": signal file does not exist", e);
    } catch (IOException e) {
      throw new WfdbFormatException(path + ": cannot read signal file: " + e, e);
    }
  }

  /** {@code signal 6 (V1)}, or {@code signal 6} if the header has no description. */
  static String label(WfdbHeader header, int index) {
    String description = header.signal(index).description();
    return "signal " + index + (description.isEmpty() ? "" : " (" + description + ")");
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
