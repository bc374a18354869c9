package org.sinus.plot;

/** A plausible-looking 12-lead ECG from Gaussian P, Q, R, S and T waves, for preview images. */
final class SyntheticEcg {
  private SyntheticEcg() {}

  // per lead: amplitudes (mV) of P, Q, R, S, T
  private static final double[][] WAVES = {
    {0.10, -0.05, 0.90, -0.15, 0.25}, // I
    {0.15, -0.05, 1.30, -0.20, 0.35}, // II
    {0.05, -0.10, 0.50, -0.20, 0.10}, // III
    {-0.12, 0.05, -1.00, 0.15, -0.30}, // aVR
    {0.05, -0.05, 0.40, -0.10, 0.10}, // aVL
    {0.10, -0.05, 0.90, -0.20, 0.20}, // aVF
    {0.08, 0.00, 0.30, -1.20, -0.10}, // V1
    {0.10, 0.00, 0.60, -1.60, 0.45}, // V2
    {0.10, -0.05, 1.00, -1.00, 0.50}, // V3
    {0.10, -0.10, 1.60, -0.50, 0.45}, // V4
    {0.10, -0.10, 1.50, -0.25, 0.35}, // V5
    {0.10, -0.08, 1.10, -0.15, 0.25}, // V6
  };
  // offsets from the R peak (s) and widths (s) of P, Q, R, S, T
  private static final double[] OFFSET = {-0.17, -0.025, 0, 0.025, 0.28};
  private static final double[] WIDTH = {0.025, 0.010, 0.012, 0.012, 0.05};

  /** {@code samples × 12} values at {@code rate} Hz, a beat every 0.83 s, slight baseline wander. */
  static float[] twelveLeads(int samples, int rate) {
    float[] values = new float[samples * 12];
    double rr = 0.83;
    for (int t = 0; t < samples; t++) {
      double seconds = (double) t / rate;
      double sinceBeat = ((seconds - 0.35) % rr + rr) % rr;
      double phase = sinceBeat > rr / 2 ? sinceBeat - rr : sinceBeat;
      for (int lead = 0; lead < 12; lead++) {
        double v = 0.04 * Math.sin(2 * Math.PI * 0.3 * seconds + lead);
        for (int w = 0; w < 5; w++) {
          double d = (phase - OFFSET[w]) / WIDTH[w];
          v += WAVES[lead][w] * Math.exp(-0.5 * d * d);
        }
        values[t * 12 + lead] = (float) v;
      }
    }
    return values;
  }
}
