package org.sinus.plugins.synthetic.ecg;

import java.util.Arrays;

/**
 * RR intervals with ECGSYN's bimodal spectrum (McSharry et al. 2003, IEEE TBME 50:289): the
 * RR tachogram is a sum of cosines with random phases whose power spectrum is the sum of two
 * Gaussians, one at the Mayer-wave frequency (0.1 Hz) and one at the respiratory frequency
 * (respiratory sinus arrhythmia, about 0.25 Hz), both 0.01 Hz wide, with ECGSYN's LF/HF power
 * ratio of 0.5. The tachogram is scaled to the record's mean and standard deviation of the heart
 * rate, as ECGSYN does, and each interval is clipped to the allowed heart-rate range.
 */
final class RrProcess {
  static final double MAYER_HZ = 0.1;
  static final double SPREAD_HZ = 0.01;
  static final double LF_HF_RATIO = 0.5;
  /** The tachogram's period (ECGSYN: 256 RR samples at 1 Hz), longer for long records. */
  static final double MIN_PERIOD_S = 256;

  private final double[] frequency;
  private final double[] amplitude;
  private final double[] phase;
  private final double rrMean;
  private final double rrStd;
  private final double rrMin;
  private final double rrMax;

  /**
   * @param meanHr the record's mean heart rate, bpm
   * @param stdHr the standard deviation of the heart rate, bpm (ECGSYN's {@code hrstd})
   * @param minHr lowest allowed instantaneous heart rate, bpm
   * @param maxHr highest allowed instantaneous heart rate, bpm
   * @param respiratoryHz centre of the high-frequency peak
   * @param duration seconds the tachogram must cover without repeating
   */
  RrProcess(Rng rng, double meanHr, double stdHr, double minHr, double maxHr, double respiratoryHz, double duration) {
    double period = Math.max(MIN_PERIOD_S, duration + 16);
    int count = (int) Math.floor(0.5 * period);
    frequency = new double[count];
    amplitude = new double[count];
    phase = new double[count];
    double variance = 0;
    for (int j = 0; j < count; j++) {
      double f = (j + 1) / period;
      double power = LF_HF_RATIO * gaussian(f, MAYER_HZ) + gaussian(f, respiratoryHz);
      frequency[j] = f;
      amplitude[j] = Math.sqrt(power);
      phase[j] = 2 * Math.PI * rng.nextDouble();
      variance += power / 2;
    }
    double norm = 1 / Math.sqrt(variance);
    for (int j = 0; j < count; j++) {
      amplitude[j] *= norm;
    }
    rrMean = 60 / meanHr;
    rrStd = 60 * stdHr / (meanHr * meanHr);
    rrMin = 60 / maxHr;
    rrMax = 60 / minHr;
  }

  /** The RR interval that starts at time {@code t}, seconds. */
  double rr(double t) {
    double x = 0;
    for (int j = 0; j < frequency.length; j++) {
      x += amplitude[j] * StrictMath.cos(2 * Math.PI * frequency[j] * t + phase[j]);
    }
    return Math.min(rrMax, Math.max(rrMin, rrMean + rrStd * x));
  }

  /**
   * R-peak times from the first one at or before 0 (at a random point of its cycle,
   * {@code startFraction} ∈ [0, 1)) to the first one after {@code end}.
   */
  double[] beats(double startFraction, double end) {
    double[] beats = new double[16];
    int count = 0;
    double t = -startFraction * rr(0);
    beats[count++] = t;
    while (t <= end) {
      t += rr(t);
      if (count == beats.length) {
        beats = Arrays.copyOf(beats, count * 2);
      }
      beats[count++] = t;
    }
    return Arrays.copyOf(beats, count);
  }

  private static double gaussian(double f, double centre) {
    double d = (f - centre) / SPREAD_HZ;
    return StrictMath.exp(-0.5 * d * d) / Math.sqrt(2 * Math.PI * SPREAD_HZ * SPREAD_HZ);
  }
}
