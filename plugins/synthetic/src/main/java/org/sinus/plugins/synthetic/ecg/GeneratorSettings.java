package org.sinus.plugins.synthetic.ecg;

/**
 * Everything that decides the synthetic records, validated by the dataset's settings reader.
 *
 * @param seed the dataset's seed; record {@code i} is drawn from streams keyed by (seed, i)
 * @param samplingRate samples per second
 * @param samples samples per lead of every record
 * @param normFraction probability that a record is NORM
 * @param maxAbnormalClasses a non-NORM record gets 1..this many abnormal classes, uniformly
 * @param strength the sizes of the class changes
 * @param heartRate the heart-rate range and variability
 * @param morphology nuisance variation of the normal beat
 * @param noise the noise added to every record
 */
public record GeneratorSettings(long seed, int samplingRate, int samples, double normFraction, int maxAbnormalClasses,
                                Strength strength, HeartRate heartRate, Morphology morphology, Noise noise) {

  /** Duration of a record in seconds. */
  public double duration() {
    return samples / (double) samplingRate;
  }

  /**
   * Sizes of the class changes. Each record scales every one of them by its own factor, uniform in
   * {@code [1 − variation, 1 + variation]} (for the factors: their excess over 1).
   *
   * @param stElevationMv MI: ST elevation in V2 and V3 (V1 and V4 get less), mV
   * @param qWaveMv MI: depth of the added pathological Q wave in V2 and V3, mV
   * @param tInversion STTC: the T wave of I, V5 and V6 becomes −tInversion times itself (1: mirror
   *     image, 0: flat, −0.5: halved); the per-record factor scales the change, {@code 1 + tInversion}
   * @param qrsWidening CD: the QRS complex is stretched in time by this factor
   * @param rPrimeMv CD: height of the terminal R' in V1 (V2 gets 70%), mV
   * @param voltageFactor HYP: the QRS complex of V1–V6 is multiplied by this factor
   * @param variation relative per-record spread of all the above
   */
  public record Strength(double stElevationMv, double qWaveMv, double tInversion, double qrsWidening,
                         double rPrimeMv, double voltageFactor, double variation) {}

  /**
   * @param min lowest heart rate, bpm: record means are uniform in [min, max] and every beat's rate is kept in it
   * @param max highest heart rate, bpm
   * @param std standard deviation of the heart rate within a record, bpm (ECGSYN's {@code hrstd})
   */
  public record HeartRate(double min, double max, double std) {}

  /**
   * @param gainSd log-normal standard deviation of the record's overall QRST amplitude
   * @param waveSd log-normal standard deviation of each Gaussian wave's amplitude and width, and of
   *     its position in units of its width
   * @param axisSdDegrees standard deviation of the random rotation of the heart's vector about each
   *     of the three axes, degrees
   * @param qrsDurationSd log-normal standard deviation of the QRS duration
   * @param tAmplitudeSd log-normal standard deviation of the T-wave amplitude
   * @param leadGainSd log-normal standard deviation of each precordial lead's gain (electrode
   *     position and contact)
   * @param stLevelMv standard deviation of a normal ST-level offset per lead (the shape of the MI's
   *     ST elevation, J point to T peak), mV
   */
  public record Morphology(double gainSd, double waveSd, double axisSdDegrees, double qrsDurationSd,
                           double tAmplitudeSd, double leadGainSd, double stLevelMv) {}

  /**
   * @param baselineWanderMv typical amplitude of the baseline wander (respiration at the record's
   *     respiratory frequency plus two slow drifts below 0.3 Hz), mV
   * @param gaussianMv typical standard deviation of white (EMG-like, broadband) noise, mV
   * @param powerlineMv amplitude of powerline interference, mV; 0 turns it off
   * @param powerlineHz powerline frequency, Hz
   */
  public record Noise(double baselineWanderMv, double gaussianMv, double powerlineMv, double powerlineHz) {}
}
