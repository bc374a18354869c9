package org.sinus.api.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a {@link MappedValueFile} stores its values: float32, or IEEE half floats (float16: half the
 * size, relative error at most 2⁻¹¹, values within ±65504; see {@link Half}).
 */
public enum ValueEncoding {
  FLOAT32("float32", "f32", Float.BYTES, Float.MAX_VALUE),
  FLOAT16("float16", "f16", 2, Half.MAX);

  private final String id;
  private final String extension;
  private final int bytes;
  private final float largest;

  ValueEncoding(String id, String extension, int bytes, float largest) {
    this.id = id;
    this.extension = extension;
    this.bytes = bytes;
    this.largest = largest;
  }

  /** The name in configs: {@code float32} or {@code float16}. */
  public String id() {
    return id;
  }

  /** The file extension: {@code f32} or {@code f16}. */
  public String extension() {
    return extension;
  }

  /** Bytes per stored value. */
  public int bytesPerValue() {
    return bytes;
  }

  /** The config names of all encodings. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ValueEncoding::id).toList();
  }

  /** The encoding named {@code id} in a config. */
  public static ValueEncoding of(String id) {
    for (ValueEncoding encoding : values()) {
      if (encoding.id.equals(id)) {
        return encoding;
      }
    }
    throw new IllegalArgumentException("unknown value encoding '" + id + "', expected one of " + ids());
  }

  /** The magic bytes that open a file of this encoding. */
  byte[] magic() {
    return ("SINUS" + extension.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Appends {@code count} values from {@code values[offset]} on to {@code out} (little-endian).
   *
   * @throws IllegalArgumentException naming the value and {@code item} if one is NaN, infinite or
   *     beyond the largest value this encoding stores
   */
  void encode(float[] values, int offset, int count, long item, ByteBuffer out) {
    for (int i = 0; i < count; i++) {
      float value = values[offset + i];
      if (!(Math.abs(value) <= largest)) {
        throw new IllegalArgumentException("value " + i + " of item " + item + " is " + value + ", outside the "
            + id + " range ±" + largest);
      }
      if (this == FLOAT16) {
        out.putShort(Half.fromFloat(value));
      } else {
        out.putFloat(value);
      }
    }
  }
}
