package org.sinus.plugins.fft;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The real forward DFT of every lead of one frame at once ({@code X[k] = Σ x[j]·e^{−2πi·jk/n}},
 * k = 0 .. n/2, numpy's {@code rfft} per lead), with per-thread buffers: fill {@link #input()},
 * call {@link #run()}, read {@link #real()}, {@link #imaginary()} or {@link #magnitude()}.
 *
 * <p>All arrays are lead-minor: value {@code (j, lead)} sits at {@code j·lanes() + lead}, the
 * order of a time-major record, so a window is copied in without a transpose and the spectrum of
 * an unframed window comes out in the order of the example ({@code [bins, leads]}). Lanes past the
 * last lead are padding and stay zero.
 *
 * <p>Two implementations compute the same values (to rounding): {@link VectorLeadFft}, a Stockham
 * FFT whose SIMD lanes run over the leads (the Vector API, used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, as the {@code sinus} launcher does, and the length
 * suits it), and {@link JTransformsLeadFft}, one JTransforms transform per lead.
 */
abstract class LeadFft {
  private static final Logger LOG = Logger.getLogger(LeadFft.class.getName());
  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  final int n;
  final int leads;
  final int lanes;
  /** {@code [n][lanes]}, destroyed by {@link #run()}. */
  final double[] input;
  /** {@code [n/2 + 1][lanes]} each. */
  final double[] re;
  final double[] im;
  /** {@code [n/2 + 1][lanes]}: |X| or log(|X| + ε) of the last run. */
  final double[] magnitudes;

  LeadFft(int n, int leads, int lanes) {
    this.n = n;
    this.leads = leads;
    this.lanes = lanes;
    this.input = new double[n * lanes];
    this.re = new double[(n / 2 + 1) * lanes];
    this.im = new double[(n / 2 + 1) * lanes];
    this.magnitudes = new double[(n / 2 + 1) * lanes];
  }

  /**
   * A transform of {@code n} points for {@code leads} leads, for the calling thread: the Vector API
   * one where the JVM and the length allow it, JTransforms otherwise.
   */
  static LeadFft create(int n, int leads) {
    if (n < 1 || leads < 1) {
      throw new IllegalArgumentException("a lead FFT needs at least one point and one lead, got " + n + " points, "
          + leads + " leads");
    }
    String unusable = vectorUnusableFor(n);
    LeadFft fft = unusable == null ? VectorSupport.create(n, leads) : new JTransformsLeadFft(n, leads);
    String engine = unusable == null
        ? "SIMD transforms over the leads (Vector API, " + fft.lanes + " lanes for " + leads + " leads)"
        : "JTransforms, one transform per lead (" + unusable + ")";
    if (ANNOUNCED.add(engine + n)) {
      LOG.info(() -> "fft: " + n + "-point spectra by " + engine);
    }
    return fft;
  }

  /** Why the Vector API transform cannot do {@code n} points here, or null if it can. */
  static String vectorUnusableFor(int n) {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return "the JVM was started without --add-modules jdk.incubator.vector";
    }
    return VectorSupport.unusableFor(n);
  }

  /** Points per transform. */
  final int length() {
    return n;
  }

  /** Frequency bins {@code 0 .. n/2}. */
  final int bins() {
    return n / 2 + 1;
  }

  /** Values per time step or bin in every array: the leads and padding. */
  final int lanes() {
    return lanes;
  }

  /** The frame to transform, {@code [n][lanes]}; the padding lanes must stay zero. */
  final double[] input() {
    return input;
  }

  /** Re X after {@link #run()}, {@code [bins][lanes]}. */
  final double[] real() {
    return re;
  }

  /** Im X after {@link #run()}, {@code [bins][lanes]}; exactly 0 at bin 0 (and bin n/2 for even n). */
  final double[] imaginary() {
    return im;
  }

  /** Transforms {@link #input()} (destroying it) into {@link #real()} and {@link #imaginary()}. */
  abstract void run();

  /** |X| of the last {@link #run()}, {@code [bins][lanes]} (one long loop, which HotSpot vectorizes). */
  final double[] magnitude() {
    double[] r = re;
    double[] i = im;
    double[] m = magnitudes;
    for (int k = 0; k < m.length; k++) {
      m[k] = Math.sqrt(r[k] * r[k] + i[k] * i[k]);
    }
    return m;
  }

  /** {@code log(|X| + ε)} of the last {@link #run()}, {@code [bins][lanes]}. */
  double[] logMagnitude(double epsilon) {
    double[] m = magnitude();
    for (int k = 0; k < m.length; k++) {
      m[k] = Math.log(m[k] + epsilon);
    }
    return m;
  }

  /**
   * Keeps {@link VectorLeadFft} (which names the incubating {@code jdk.incubator.vector} classes)
   * from being loaded unless it is used.
   */
  private static final class VectorSupport {
    static String unusableFor(int n) {
      return VectorLeadFft.unusableFor(n);
    }

    static LeadFft create(int n, int leads) {
      return new VectorLeadFft(n, leads);
    }
  }
}
