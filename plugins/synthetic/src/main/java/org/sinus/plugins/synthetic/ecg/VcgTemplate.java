package org.sinus.plugins.synthetic.ecg;

import java.util.List;

/**
 * The normal beat as Gaussian events on the three Frank VCG axes, at a heart rate of 60 bpm
 * (RR = 1 s, so a phase of 2π is one second). The parameters start from the synthetic maternal
 * (adult) VCG of Sameni et al. (2007, EURASIP J. Adv. Signal Process., art. 43407), with the broad
 * T and baseline components of that fit replaced by two narrower T waves per axis (so that the ST
 * segment is flat and the T wave has a bounded extent) and the Y and Z QRS amplitudes adjusted for
 * a normal electrical axis, an R wave of about 1 mV in lead II, an rS complex in V1 and the R/S
 * transition at V3–V4.
 */
final class VcgTemplate {
  static final int X = 0;
  static final int Y = 1;
  static final int Z = 2;

  /** Phase of the peak of the main T wave (X axis), at RR = 1 s; the MI ST change ends there. */
  static final double T_PEAK = 1.62;

  /** The template's waves; widths and phases in radians at RR = 1 s, amplitudes in mV. */
  static final List<Wave> WAVES = List.of(
      // X (right to left)
      new Wave(X, WaveGroup.P, -1.09, 0.04, 0.09),
      new Wave(X, WaveGroup.P, -0.83, 0.08, 0.10),
      new Wave(X, WaveGroup.QRS, -0.19, -0.13, 0.045),
      new Wave(X, WaveGroup.QRS, -0.07, 0.85, 0.038),
      new Wave(X, WaveGroup.QRS, 0.0, 1.11, 0.033),
      new Wave(X, WaveGroup.QRS, 0.06, 0.75, 0.030),
      new Wave(X, WaveGroup.QRS, 0.22, 0.06, 0.038),
      new Wave(X, WaveGroup.T, 1.25, 0.12, 0.30),
      new Wave(X, WaveGroup.T, T_PEAK, 0.32, 0.20),
      // Y (superior to inferior)
      new Wave(Y, WaveGroup.P, -1.10, 0.07, 0.08),
      new Wave(Y, WaveGroup.P, -0.90, 0.06, 0.08),
      new Wave(Y, WaveGroup.QRS, -0.11, 0.40, 0.055),
      new Wave(Y, WaveGroup.QRS, -0.01, 0.65, 0.037),
      new Wave(Y, WaveGroup.QRS, 0.065, -0.22, 0.06),
      new Wave(Y, WaveGroup.T, 1.30, 0.05, 0.30),
      new Wave(Y, WaveGroup.T, 1.60, 0.10, 0.22),
      // Z (anterior to posterior)
      new Wave(Z, WaveGroup.P, -1.05, -0.06, 0.12),
      new Wave(Z, WaveGroup.QRS, -0.15, -0.28, 0.045),
      new Wave(Z, WaveGroup.QRS, 0.095, 0.65, 0.05),
      new Wave(Z, WaveGroup.QRS, 0.20, 0.10, 0.05),
      new Wave(Z, WaveGroup.T, 1.25, -0.10, 0.30),
      new Wave(Z, WaveGroup.T, 1.58, -0.25, 0.20));

  private VcgTemplate() {}
}
