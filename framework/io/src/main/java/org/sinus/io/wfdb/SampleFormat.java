package org.sinus.io.wfdb;

import java.nio.ByteBuffer;

/**
 * The WFDB storage formats {@link WfdbReader} decodes: how many bytes a run of samples takes and how
 * to turn those bytes into digital values. Samples of all signals of a file are decoded as one run,
 * in file order (frame by frame). Buffers are little-endian.
 */
enum SampleFormat {
  /** 16-bit two's complement, little-endian. */
  F16(16, Short.MIN_VALUE) {
    @Override
    long bytes(long samples) {
      return 2 * samples;
    }

    @Override
    void decode(ByteBuffer src, int[] dst, int count) {
      for (int i = 0; i < count; i++) {
        dst[i] = src.getShort(2 * i);
      }
    }
  },
  /** 16-bit two's complement, big-endian. */
  F61(61, Short.MIN_VALUE) {
    @Override
    long bytes(long samples) {
      return 2 * samples;
    }

    @Override
    void decode(ByteBuffer src, int[] dst, int count) {
      for (int i = 0; i < count; i++) {
        dst[i] = Short.reverseBytes(src.getShort(2 * i));
      }
    }
  },
  /** 8-bit offset binary: the byte minus 128. */
  F80(80, -128) {
    @Override
    long bytes(long samples) {
      return samples;
    }

    @Override
    void decode(ByteBuffer src, int[] dst, int count) {
      for (int i = 0; i < count; i++) {
        dst[i] = (src.get(i) & 0xff) - 128;
      }
    }
  },
  /** 16-bit offset binary, little-endian: the unsigned value minus 32768. */
  F160(160, Short.MIN_VALUE) {
    @Override
    long bytes(long samples) {
      return 2 * samples;
    }

    @Override
    void decode(ByteBuffer src, int[] dst, int count) {
      for (int i = 0; i < count; i++) {
        dst[i] = (src.getShort(2 * i) & 0xffff) - 32768;
      }
    }
  },
  /**
   * Pairs of 12-bit two's complement samples in 3 bytes: the first sample is byte 0 plus the low
   * nibble of byte 1 (as bits 8-11), the second is byte 2 plus the high nibble of byte 1. An odd
   * last sample takes 2 bytes.
   */
  F212(212, -2048) {
    @Override
    long bytes(long samples) {
      return (3 * samples + 1) / 2;
    }

    @Override
    long samplesIn(long bytes) {
      return 2 * bytes / 3; // ceil(1.5 s) <= bytes  <=>  s <= 2 bytes / 3
    }

    @Override
    void decode(ByteBuffer src, int[] dst, int count) {
      int b = 0;
      int d = 0;
      for (int pairs = count / 2; pairs > 0; pairs--) {
        int b0 = src.get(b) & 0xff;
        int b1 = src.get(b + 1) & 0xff;
        int b2 = src.get(b + 2) & 0xff;
        dst[d] = ((b0 | (b1 & 0x0f) << 8) << 20) >> 20;
        dst[d + 1] = ((b2 | (b1 & 0xf0) << 4) << 20) >> 20;
        b += 3;
        d += 2;
      }
      if ((count & 1) != 0) {
        int b0 = src.get(b) & 0xff;
        int b1 = src.get(b + 1) & 0xff;
        dst[d] = ((b0 | (b1 & 0x0f) << 8) << 20) >> 20;
      }
    }
  },
  /** 24-bit two's complement, little-endian. */
  F24(24, -(1 << 23)) {
    @Override
    long bytes(long samples) {
      return 3 * samples;
    }

    @Override
    void decode(ByteBuffer src, int[] dst, int count) {
      for (int i = 0, b = 0; i < count; i++, b += 3) {
        int value = (src.get(b) & 0xff) | (src.get(b + 1) & 0xff) << 8 | src.get(b + 2) << 16;
        dst[i] = value;
      }
    }
  },
  /** 32-bit two's complement, little-endian. */
  F32(32, Integer.MIN_VALUE) {
    @Override
    long bytes(long samples) {
      return 4 * samples;
    }

    @Override
    void decode(ByteBuffer src, int[] dst, int count) {
      for (int i = 0; i < count; i++) {
        dst[i] = src.getInt(4 * i);
      }
    }
  };

  /** The format codes {@link #of} knows, for error messages. */
  static final String SUPPORTED = "16, 61, 80, 160, 212, 24 and 32";

  private final int code;
  private final int invalid;

  SampleFormat(int code, int invalid) {
    this.code = code;
    this.invalid = invalid;
  }

  /** The format of a header(5) format code, or null if this reader does not decode it. */
  static SampleFormat of(int code) {
    for (SampleFormat format : values()) {
      if (format.code == code) {
        return format;
      }
    }
    return null;
  }

  int code() {
    return code;
  }

  /**
   * The digital value WFDB writes for a missing sample (the most negative value of the format); read
   * as NaN in physical units.
   */
  int invalidSample() {
    return invalid;
  }

  /** Bytes that {@code samples} samples take in this format. */
  abstract long bytes(long samples);

  /** The largest number of samples that fit in {@code bytes} bytes. */
  long samplesIn(long bytes) {
    return bytes / bytes(1);
  }

  /** Decodes the first {@code count} samples of {@code src} (from index 0) into {@code dst}. */
  abstract void decode(ByteBuffer src, int[] dst, int count);
}
