package org.sinus.engine.predict;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What a CSV or NumPy recording does not say about itself and the user does: its sampling rate
 * (else the model's is assumed) and the order of its rows' leads (else the model's lead order is
 * assumed). Files that say it themselves (WFDB headers, CSV lead names) are read as they say.
 *
 * @param samplingRate samples per second of arrays, if given
 * @param leads the leads of the arrays' rows, in order, if given (empty: the model's order)
 */
public record ArrayLayout(OptionalDouble samplingRate, List<String> leads) {
  public ArrayLayout {
    leads = List.copyOf(leads);
    if (samplingRate.isPresent() && !(samplingRate.getAsDouble() > 0 && Double.isFinite(samplingRate.getAsDouble()))) {
      throw new IllegalArgumentException("the sampling rate must be a positive number of Hz, not "
          + samplingRate.getAsDouble());
    }
  }

  /** Nothing given: arrays are taken to be at the model's rate, in its lead order. */
  public static ArrayLayout assumed() {
    return new ArrayLayout(OptionalDouble.empty(), List.of());
  }
}
