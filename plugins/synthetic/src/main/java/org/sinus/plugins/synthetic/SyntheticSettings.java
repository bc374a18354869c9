package org.sinus.plugins.synthetic;

import java.util.Locale;
import org.sinus.api.data.FoldSplit;
import org.sinus.api.data.Split;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.plugins.synthetic.ecg.GeneratorSettings;

/**
 * The settings of a {@code dataset { type = "synthetic" }} block (defaults and their meaning in the
 * plugin's reference.conf, under {@code sinus.dataset.synthetic}).
 *
 * @param records number of records
 * @param generator what decides every record's content
 * @param split which folds (1..10) are train, validation and test
 */
public record SyntheticSettings(int records, GeneratorSettings generator, FoldSplit split) {
  /** Folds are numbered 1..FOLDS. */
  public static final int FOLDS = 10;

  /**
   * Bumped whenever the generator changes what it produces for the same settings, so that
   * {@link #describe()} (and every cache key or provenance record made from it) changes too.
   */
  public static final int GENERATOR_VERSION = 1;

  /** Reads and validates every key of the block; problems go to {@code config.problems()}. */
  public static SyntheticSettings read(ComponentConfig config) {
    int records = config.getInt("records", 1, 1_000_000);
    int rate = config.getInt("sampling-rate", 50, 2000);
    double duration = config.getSeconds("duration", 1, 600);
    long seed = config.getLong("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    double normFraction = config.getDouble("norm-fraction", 0, 1);
    int maxAbnormal = config.getInt("max-abnormal-classes", 1, 4);

    ComponentConfig s = config.child("strength");
    GeneratorSettings.Strength strength = new GeneratorSettings.Strength(
        s.getDouble("st-elevation-mv", 0, 2),
        s.getDouble("q-wave-mv", 0, 2),
        s.getDouble("t-inversion", -1, 3),
        s.getDouble("qrs-widening", 1, 3),
        s.getDouble("r-prime-mv", 0, 2),
        s.getDouble("voltage-factor", 1, 5),
        s.getDouble("variation", 0, 0.95));

    ComponentConfig h = config.child("heart-rate");
    GeneratorSettings.HeartRate heartRate = new GeneratorSettings.HeartRate(
        h.getDouble("min", 30, 200), h.getDouble("max", 30, 200), h.getDouble("std", 0, 20));
    if (heartRate.min() > heartRate.max()) {
      h.problem("max", "the highest heart rate (" + heartRate.max() + " bpm) is below the lowest (min = "
          + heartRate.min() + " bpm)");
    }

    ComponentConfig m = config.child("morphology");
    GeneratorSettings.Morphology morphology = new GeneratorSettings.Morphology(
        m.getDouble("gain-sd", 0, 1), m.getDouble("wave-sd", 0, 0.5), m.getDouble("axis-sd", 0, 45),
        m.getDouble("qrs-duration-sd", 0, 0.5), m.getDouble("t-amplitude-sd", 0, 1), m.getDouble("lead-gain-sd", 0, 1),
        m.getDouble("st-level-mv", 0, 1));

    ComponentConfig n = config.child("noise");
    GeneratorSettings.Noise noise = new GeneratorSettings.Noise(
        n.getDouble("baseline-wander-mv", 0, 5), n.getDouble("gaussian-mv", 0, 5),
        n.getDouble("powerline-mv", 0, 5), n.getDouble("powerline-hz", 1, 1000));
    if (noise.powerlineMv() > 0 && noise.powerlineHz() >= rate / 2.0) {
      n.problem("powerline-hz", noise.powerlineHz() + " Hz powerline interference cannot be represented at "
          + rate + " Hz (Nyquist frequency " + rate / 2.0 + " Hz); raise sampling-rate or set powerline-mv = 0");
    }

    ComponentConfig splitConfig = config.child("split");
    FoldSplit split = FoldSplit.read(splitConfig);
    for (Split part : Split.values()) {
      for (int fold : split.folds(part)) {
        if (fold > FOLDS) {
          splitConfig.problem(part.id(), "fold " + fold + " does not exist; the synthetic dataset has folds 1.." + FOLDS);
        }
      }
    }

    int samples = (int) Math.round(duration * rate);
    return new SyntheticSettings(records, new GeneratorSettings(seed, rate, samples, normFraction, maxAbnormal,
        strength, heartRate, morphology, noise), split);
  }

  /** A stable one-line text of every setting, for provenance and cache keys. */
  public String describe() {
    GeneratorSettings g = generator;
    GeneratorSettings.Strength s = g.strength();
    GeneratorSettings.HeartRate h = g.heartRate();
    GeneratorSettings.Morphology m = g.morphology();
    GeneratorSettings.Noise n = g.noise();
    return String.format(Locale.ROOT, "synthetic 12-lead ECG (generator v%d): records=%d, sampling-rate=%d Hz, "
            + "samples=%d, seed=%d, norm-fraction=%s, max-abnormal-classes=%d, "
            + "strength{st-elevation-mv=%s, q-wave-mv=%s, t-inversion=%s, qrs-widening=%s, r-prime-mv=%s, "
            + "voltage-factor=%s, variation=%s}, heart-rate{min=%s, max=%s, std=%s}, "
            + "morphology{gain-sd=%s, wave-sd=%s, axis-sd=%s, qrs-duration-sd=%s, t-amplitude-sd=%s, "
            + "lead-gain-sd=%s, st-level-mv=%s}, "
            + "noise{baseline-wander-mv=%s, gaussian-mv=%s, powerline-mv=%s, powerline-hz=%s}, split{%s}",
        GENERATOR_VERSION, records, g.samplingRate(), g.samples(), g.seed(), num(g.normFraction()),
        g.maxAbnormalClasses(),
        num(s.stElevationMv()), num(s.qWaveMv()), num(s.tInversion()), num(s.qrsWidening()), num(s.rPrimeMv()),
        num(s.voltageFactor()), num(s.variation()), num(h.min()), num(h.max()), num(h.std()),
        num(m.gainSd()), num(m.waveSd()), num(m.axisSdDegrees()), num(m.qrsDurationSd()), num(m.tAmplitudeSd()),
        num(m.leadGainSd()), num(m.stLevelMv()),
        num(n.baselineWanderMv()), num(n.gaussianMv()), num(n.powerlineMv()), num(n.powerlineHz()), split);
  }

  private static String num(double value) {
    return Double.toString(value);
  }
}
