package org.sinus.api.representation;

/**
 * Shape of one example as the network sees it, without the batch axis: NHWC's
 * {@code [height, width, channels]}. A 1D signal is {@code [1, time, leads]}; a scalogram with
 * leads as channels is {@code [scales, time, leads]}.
 */
public record ExampleShape(int height, int width, int channels) {
  public ExampleShape {
    if (height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException("example shape must be positive: [" + height + ", " + width + ", " + channels + "]");
    }
  }

  /** Values in one example. */
  public int size() {
    return height * width * channels;
  }

  /** The shape with a batch axis of unknown size, for placeholders: {@code [-1, h, w, c]}. */
  public long[] batched(long batch) {
    return new long[] {batch, height, width, channels};
  }

  @Override
  public String toString() {
    return "[" + height + ", " + width + ", " + channels + "]";
  }
}
