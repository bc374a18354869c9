package org.sinus.api.model;

import java.util.Optional;
import org.sinus.api.representation.ExampleShape;

/**
 * The example shapes a model can read.
 *
 * @param description how users recognise them, e.g. {@code [1, time, channels] (a 1D signal)}
 * @param height the required height, or 0 for any
 * @param minWidth the least width
 */
public record InputRequirement(String description, int height, int minWidth) {

  /** {@code [1, time, channels]}: the time-domain signal or a sequence of spectra. */
  public static InputRequirement oneDimensional(int minWidth) {
    return new InputRequirement("[1, time, channels] (a 1D signal, e.g. of the time or fft representation)", 1,
        minWidth);
  }

  /** {@code [height, width, channels]} of any height, e.g. a scalogram. */
  public static InputRequirement twoDimensional(int minWidth) {
    return new InputRequirement("[height, width, channels] (an image, e.g. of the cwt representation)", 0, minWidth);
  }

  /** Why {@code shape} cannot be read, if it cannot. */
  public Optional<String> check(ExampleShape shape) {
    if (height > 0 && shape.height() != height || shape.width() < minWidth) {
      return Optional.of("reads " + description + (minWidth > 1 ? " at least " + minWidth + " wide" : "")
          + ", but its input is " + shape);
    }
    return Optional.empty();
  }
}
