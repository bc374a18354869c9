package org.sinus.plugins.synthetic.ecg;

/**
 * The noise of one record, drawn independently of its classes, for the eight independent leads
 * (rows of {@link Leads#DOWER}); the other four leads get theirs through Einthoven's and
 * Goldberger's laws.
 *
 * @param wander per lead, sinusoids {@code {amplitude mV, frequency Hz, phase rad}} of the baseline wander
 * @param whiteSd standard deviation of the white noise, mV
 * @param whiteSeed seed of the white noise's stream
 * @param powerlineMv amplitude of the powerline sinusoid, mV (0: none)
 * @param powerlineHz its frequency
 * @param powerlinePhase its phase per lead, rad
 */
record NoisePlan(double[][][] wander, double whiteSd, long whiteSeed, double powerlineMv, double powerlineHz,
                 double[] powerlinePhase) {

  /** Adds {@code amplitude · sin(2π · hz · i / fs + phase)} to {@code out[i]} by a rotation recurrence. */
  static void addSine(double[] out, double amplitude, double hz, double phase, double fs) {
    if (amplitude == 0) {
      return;
    }
    double step = 2 * Math.PI * hz / fs;
    double cos = StrictMath.cos(step);
    double sin = StrictMath.sin(step);
    double re = StrictMath.cos(phase);
    double im = StrictMath.sin(phase);
    for (int i = 0; i < out.length; i++) {
      out[i] += amplitude * im;
      double nextRe = re * cos - im * sin;
      im = re * sin + im * cos;
      re = nextRe;
    }
  }

  /** Adds the noise of independent lead {@code row} to {@code out}. */
  void addTo(int row, double[] out, double fs, Rng white) {
    for (double[] sine : wander[row]) {
      addSine(out, sine[0], sine[1], sine[2], fs);
    }
    addSine(out, powerlineMv, powerlineHz, powerlinePhase[row], fs);
    if (whiteSd > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] += whiteSd * white.gaussian();
      }
    }
  }
}
