package org.sinus.io.wfdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Encoders for synthetic WFDB signal files, written from the format descriptions in PhysioNet's
 * signal(5) independently of {@link SampleFormat}, so that tests check the decoder against the
 * specification rather than against itself.
 */
final class WfdbTestFiles {
  private WfdbTestFiles() {}

  static Path write(Path dir, String name, String text) {
    return write(dir, name, text.getBytes(StandardCharsets.US_ASCII));
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Format 16: two's complement, low byte first. */
  static byte[] format16(int... values) {
    byte[] out = new byte[2 * values.length];
    for (int i = 0; i < values.length; i++) {
      out[2 * i] = (byte) values[i];
      out[2 * i + 1] = (byte) (values[i] >> 8);
    }
    return out;
  }

  /** Format 61: two's complement, high byte first. */
  static byte[] format61(int... values) {
    byte[] out = new byte[2 * values.length];
    for (int i = 0; i < values.length; i++) {
      out[2 * i] = (byte) (values[i] >> 8);
      out[2 * i + 1] = (byte) values[i];
    }
    return out;
  }

  /** Format 80: offset binary, value + 128 in one byte. */
  static byte[] format80(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) (values[i] + 128);
    }
    return out;
  }

  /** Format 160: offset binary, value + 32768, low byte first. */
  static byte[] format160(int... values) {
    byte[] out = new byte[2 * values.length];
    for (int i = 0; i < values.length; i++) {
      int unsigned = values[i] + 32768;
      out[2 * i] = (byte) unsigned;
      out[2 * i + 1] = (byte) (unsigned >> 8);
    }
    return out;
  }

  /** Format 24: two's complement, three bytes, low byte first. */
  static byte[] format24(int... values) {
    byte[] out = new byte[3 * values.length];
    for (int i = 0; i < values.length; i++) {
      out[3 * i] = (byte) values[i];
      out[3 * i + 1] = (byte) (values[i] >> 8);
      out[3 * i + 2] = (byte) (values[i] >> 16);
    }
    return out;
  }

  /** Format 32: two's complement, four bytes, low byte first. */
  static byte[] format32(int... values) {
    byte[] out = new byte[4 * values.length];
    for (int i = 0; i < values.length; i++) {
      for (int b = 0; b < 4; b++) {
        out[4 * i + b] = (byte) (values[i] >> (8 * b));
      }
    }
    return out;
  }

  /**
   * Format 212: each pair of 12-bit samples in 3 bytes. The first sample is the low 12 bits of the
   * first byte pair read low byte first; the second is the remaining 4 bits of that pair (its high
   * bits) and the third byte (its low 8 bits). An odd last sample is written as a lone byte pair.
   */
  static byte[] format212(int... values) {
    byte[] out = new byte[(3 * values.length + 1) / 2];
    int o = 0;
    for (int i = 0; i < values.length; i += 2) {
      int first = values[i] & 0xfff;
      int second = i + 1 < values.length ? values[i + 1] & 0xfff : 0;
      out[o++] = (byte) (first & 0xff);
      out[o++] = (byte) ((first >> 8) | ((second >> 8) << 4));
      if (i + 1 < values.length) {
        out[o++] = (byte) (second & 0xff);
      }
    }
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Sum of signal {@code s}'s samples modulo 65536, as WFDB writes it (unsigned). */
  static int checksum(int[] interleaved, int signal, int signals) {
    int sum = 0;
    for (int i = signal; i < interleaved.length; i += signals) {
      sum += interleaved[i];
    }
    return sum & 0xffff;
  }
}
