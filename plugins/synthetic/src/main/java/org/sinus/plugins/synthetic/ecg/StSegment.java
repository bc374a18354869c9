package org.sinus.plugins.synthetic.ecg;

/**
 * The shape of the ST level within a beat (each lead's normal ST offset and the MI's ST elevation),
 * in phase: 0 before {@code riseStart}, rising
 * on a raised cosine to 1 at {@code riseEnd} (the J point), 1 up to {@code fallStart}, falling to 0
 * at {@code fallEnd} (the peak of the T wave). It is the product of a rise and a fall, so a later J
 * point (a widened QRS) only moves the rise. Zero outside {@code [riseStart, fallEnd]}, exactly.
 */
record StSegment(double riseStart, double riseEnd, double fallStart, double fallEnd) {

  /** The shape at a phase in {@code [0, 2π)} measured from the beat's R peak. */
  double value(double phase) {
    return ramp(phase, riseStart, riseEnd) * (1 - ramp(phase, fallStart, fallEnd));
  }

  /** The shape at every phase. */
  double[] sample(double[] phase) {
    double[] out = new double[phase.length];
    for (int i = 0; i < phase.length; i++) {
      out[i] = value(phase[i]);
    }
    return out;
  }

  private static double ramp(double x, double from, double to) {
    if (x <= from) {
      return 0;
    }
    if (x >= to) {
      return 1;
    }
    return 0.5 * (1 - StrictMath.cos(Math.PI * (x - from) / (to - from)));
  }
}
