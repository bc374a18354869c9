package org.sinus.plugins.synthetic.ecg;

import java.util.Arrays;

/**
 * Renders a {@link RecordPlan} into a time-major {@code [samples, 12]} record in mV: the VCG waves
 * of each part of the beat (P, QRS, T) are sampled along the phase, projected to the eight
 * independent leads, where the class changes act (per-lead gains of a part, added waves, the MI's
 * ST segment), noise is added, and the other four limb leads are derived. Thread-safe.
 */
public final class RecordSynthesizer {
  private static final int GROUPS = WaveGroup.values().length;
  private static final int QRS = WaveGroup.QRS.ordinal();

  private final int samples;
  private final double samplingRate;

  public RecordSynthesizer(GeneratorSettings settings) {
    this.samples = settings.samples();
    this.samplingRate = settings.samplingRate();
  }

  /** The record of a plan, {@code samples × 12} values. */
  public float[] render(RecordPlan plan) {
    double[] phase = phases(plan.beats());
    double[][] parts = new double[GROUPS * 3][samples];
    for (Wave w : plan.vcgWaves) {
      w.addTo(phase, parts[w.group().ordinal() * 3 + w.channel()]);
    }
    double[][] added = new double[RecordPlanner.ROWS][];
    for (Wave w : plan.leadWaves) {
      if (added[w.channel()] == null) {
        added[w.channel()] = new double[samples];
      }
      w.addTo(phase, added[w.channel()]);
    }
    double[] st = plan.st == null ? null : plan.st.sample(phase);

    float[] out = new float[samples * Leads.COUNT];
    double[] lead = new double[samples];
    Rng white = new Rng(plan.noise.whiteSeed());
    for (int row = 0; row < RecordPlanner.ROWS; row++) {
      Arrays.fill(lead, 0);
      double[] m = plan.leadMatrix[row];
      double[] gain = plan.groupGain[row];
      for (int g = 0; g < GROUPS; g++) {
        double[] x = parts[g * 3];
        double[] y = parts[g * 3 + 1];
        double[] z = parts[g * 3 + 2];
        double gx = gain[g] * m[0];
        double gy = gain[g] * m[1];
        double gz = gain[g] * m[2];
        for (int i = 0; i < samples; i++) {
          lead[i] += gx * x[i] + gy * y[i] + gz * z[i];
        }
      }
      if (added[row] != null) {
        for (int i = 0; i < samples; i++) {
          lead[i] += gain[QRS] * added[row][i];
        }
      }
      if (st != null && plan.stAmplitude[row] != 0) {
        for (int i = 0; i < samples; i++) {
          lead[i] += plan.stAmplitude[row] * st[i];
        }
      }
      plan.noise.addTo(row, lead, samplingRate, white);
      int channel = Leads.INDEPENDENT[row];
      for (int i = 0; i < samples; i++) {
        out[i * Leads.COUNT + channel] = (float) lead[i];
      }
    }
    Leads.deriveLimbLeads(out, samples);
    return out;
  }

  /** The cardiac phase at every sample: 2π(t − tₖ)/(tₖ₊₁ − tₖ) between R peaks k and k + 1. */
  double[] phases(double[] beats) {
    double[] phase = new double[samples];
    int k = 0;
    for (int i = 0; i < samples; i++) {
      double t = i / samplingRate;
      while (k + 2 < beats.length && t >= beats[k + 1]) {
        k++;
      }
      phase[i] = 2 * Math.PI * (t - beats[k]) / (beats[k + 1] - beats[k]);
    }
    return phase;
  }
}
