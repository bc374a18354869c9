package org.sinus.engine.explain.ecg;

/**
 * A zero-phase band-pass filter: a second-order band-pass biquad (the "audio EQ cookbook" design,
 * constant 0 dB peak gain) run forward and then backward over the signal, so that the QRS
 * complexes it keeps are not shifted in time.
 */
final class BandPass {
  private final double b0;
  private final double b2;
  private final double a1;
  private final double a2;

  /** Centred on the geometric mean of {@code lowHz} and {@code highHz}, with their ratio as bandwidth. */
  BandPass(double lowHz, double highHz, double samplingRate) {
    double centre = Math.sqrt(lowHz * highHz);
    double q = centre / (highHz - lowHz);
    double w0 = 2 * Math.PI * centre / samplingRate;
    double alpha = Math.sin(w0) / (2 * q);
    double a0 = 1 + alpha;
    this.b0 = alpha / a0;
    this.b2 = -alpha / a0;
    this.a1 = -2 * Math.cos(w0) / a0;
    this.a2 = (1 - alpha) / a0;
  }

  /** The filtered copy of {@code x}. */
  double[] filter(double[] x) {
    double[] forward = pass(x);
    double[] reversed = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      reversed[i] = forward[x.length - 1 - i];
    }
    double[] backward = pass(reversed);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = backward[x.length - 1 - i];
    }
    return out;
  }

  private double[] pass(double[] x) {
    double[] y = new double[x.length];
    double x1 = 0;
    double x2 = 0;
    double y1 = 0;
    double y2 = 0;
    for (int i = 0; i < x.length; i++) {
      double value = b0 * x[i] + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x[i];
      y2 = y1;
      y1 = value;
      y[i] = value;
    }
    return y;
  }
}
