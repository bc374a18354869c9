package org.sinus.plugins.synthetic.ecg;

/**
 * A small, fully specified random number generator (SplitMix64, Steele, Lea &amp; Flood 2014), so
 * that the synthetic data are bit-identical on every JVM and platform. Every record draws from its
 * own streams, keyed by the dataset seed, the record index and a {@link Stream purpose}: records can
 * be generated in any order and on any number of threads, and a change in one purpose (say, the
 * labels) leaves the draws of the others untouched.
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** What a record's stream is used for; each purpose has its own independent stream. */
  public enum Stream {
    LABELS, RHYTHM, MORPHOLOGY, STRENGTH, NOISE, WHITE_NOISE, FOLDS
  }

  private long state;
  private double spareGaussian = Double.NaN;

  public Rng(long seed) {
    this.state = seed;
  }

  /** The stream of one purpose of one record (or of the whole dataset, with {@code index = -1}). */
  public static Rng of(long seed, long index, Stream purpose) {
    long key = mix(mix(seed + GOLDEN) + index * GOLDEN);
    return new Rng(mix(key + (purpose.ordinal() + 1L) * 0xD1B54A32D192ED03L));
  }

  /** A seed for a further stream derived from this one. */
  public long nextSeed() {
    return mix(nextLong());
  }

  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in {@code [0, 1)}, 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in {@code [low, high)}. */
  public double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** Uniform in {@code [0, bound)}. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) ((nextLong() >>> 1) % bound);
  }

  /** Standard normal, by Marsaglia's polar method (with {@link StrictMath} for platform-independent bits). */
  public double gaussian() {
    if (!Double.isNaN(spareGaussian)) {
      double spare = spareGaussian;
      spareGaussian = Double.NaN;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * StrictMath.log(s) / s);
    spareGaussian = v * factor;
    return u * factor;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
