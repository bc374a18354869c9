package org.sinus.plugins.synthetic.ecg;

/**
 * One Gaussian event of the phase model: {@code amplitude · exp(−Δθ² / (2 · width²))}, where Δθ is
 * the cardiac phase minus {@code theta}, wrapped to {@code [−π, π)}. Phase 0 is the R peak and one
 * beat is 2π.
 *
 * @param channel the VCG axis (0 = X, 1 = Y, 2 = Z) for VCG waves, or the row of
 *     {@link Leads#DOWER} (0..7) for waves added to one lead
 * @param group the part of the beat the wave belongs to
 * @param theta phase of the peak, radians
 * @param amplitude peak value, mV
 * @param width standard deviation in phase, radians
 */
public record Wave(int channel, WaveGroup group, double theta, double amplitude, double width) {

  /** Beyond this many widths a wave is treated as zero (it is below 2·10⁻⁸ of its peak there). */
  static final double CUTOFF_WIDTHS = 6;

  /** Start of the wave's support for region masks: where it has fallen to 1.1% of its peak. */
  public double start() {
    return theta - RegionMasks.WIDTHS * width;
  }

  /** End of the wave's support for region masks. */
  public double end() {
    return theta + RegionMasks.WIDTHS * width;
  }

  /** Adds the wave, sampled at the phases {@code phase[i]}, to {@code out}. */
  void addTo(double[] phase, double[] out) {
    double cutoff = CUTOFF_WIDTHS * width;
    double scale = -0.5 / (width * width);
    for (int i = 0; i < phase.length; i++) {
      double d = wrap(phase[i] - theta);
      if (d < cutoff && d > -cutoff) {
        out[i] += amplitude * StrictMath.exp(d * d * scale);
      }
    }
  }

  /** {@code angle} wrapped to {@code [−π, π)}. */
  static double wrap(double angle) {
    double d = angle;
    while (d >= Math.PI) {
      d -= 2 * Math.PI;
    }
    while (d < -Math.PI) {
      d += 2 * Math.PI;
    }
    return d;
  }
}
