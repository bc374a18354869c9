package org.sinus.plugins.fft;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.utils.CommonUtils;

/**
 * The real forward DFT of one length, {@code X[k] = Σ x[j]·e^{−2πi·jk/n}} for
 * {@code k = 0 .. n/2} (numpy's {@code rfft}), computed by JTransforms in double precision, left in
 * JTransforms's packed layout or unpacked into separate real and imaginary parts. (Single precision
 * would do for features, but its rounding error exceeds 1e-6 of the largest bin for lengths with a
 * large prime factor, e.g. 999.) Even lengths that are not powers of two go through JTransforms's
 * complex transform of half the length and the textbook split into the real spectrum, about a fifth
 * faster for 1000 points than its mixed-radix real transform.
 *
 * <p>Plans are built once per length ({@link #of}) and shared: a JTransforms plan is only read after
 * its constructor (its twiddle and factor tables), and every transform allocates its own scratch,
 * so one plan may run on several threads at once (checked by {@code RealFftTest}).
 *
 * <p>JTransforms splits transforms of 8192 points or more over a pool of non-daemon threads that
 * keeps a JVM alive for a minute after its last task. Sinus already runs encoders on several
 * threads, so loading this class raises JTransforms's process-wide thresholds for threading to
 * {@link Integer#MAX_VALUE}: every transform runs on its caller's thread and no pool thread is ever
 * started (other JTransforms users in the same JVM are affected too).
 */
final class RealFft {
  private static final ConcurrentMap<Integer, RealFft> PLANS = new ConcurrentHashMap<>();

  static {
    singleThreaded();
  }

  private final int n;
  /** The n-point real transform (odd n and powers of two), or null. */
  private final DoubleFFT_1D plan;
  /** The n/2-point complex transform of the other even n, or null. */
  private final DoubleFFT_1D half;
  /** {@code cos(2πk/n)} and {@code sin(2πk/n)} for k = 0 .. n/4 (with {@link #half} only). */
  private final double[] cos;
  private final double[] sin;

  private RealFft(int n) {
    this.n = n;
    // JTransforms's real transforms of even lengths that are not powers of two (FFTPACK's mixed-radix
    // rfftf, and a final shift of every value by one place) take about a third longer than its
    // complex transform of half the length followed by the textbook split into the real spectrum,
    // which is what its split-radix real transform of powers of two does anyway
    boolean halfLength = n % 2 == 0 && n >= 4 && Integer.bitCount(n) != 1;
    this.plan = halfLength ? null : new DoubleFFT_1D(n);
    this.half = halfLength ? new DoubleFFT_1D(n / 2) : null;
    int quarter = halfLength ? n / 4 + 1 : 0;
    this.cos = new double[quarter];
    this.sin = new double[quarter];
    for (int k = 0; k < quarter; k++) {
      cos[k] = Math.cos(2 * Math.PI * k / n);
      sin[k] = Math.sin(2 * Math.PI * k / n);
    }
  }

  /** The shared plan for transforms of {@code n} points. */
  static RealFft of(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("an FFT needs at least one point, got " + n);
    }
    return PLANS.computeIfAbsent(n, RealFft::new);
  }

  /** Makes JTransforms run every 1D transform on the calling thread (process-wide). */
  static void singleThreaded() {
    CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Integer.MAX_VALUE);
    CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Integer.MAX_VALUE);
  }

  /** Points per transform. */
  int length() {
    return n;
  }

  /** Frequency bins {@code 0 .. n/2}: {@code n/2 + 1}. */
  int bins() {
    return n / 2 + 1;
  }

  /**
   * Transforms {@code a[0 .. n)} in place, leaving JTransforms's packed layout in it: for even n
   * {@code a[0] = Re[0]}, {@code a[1] = Re[n/2]}, {@code a[2k], a[2k+1] = Re[k], Im[k]}; for odd n
   * {@code a[1] = Im[(n−1)/2]} and {@code a[n−1] = Re[(n−1)/2]}. Use {@link #real}/{@link #imaginary}
   * to read it.
   */
  void forward(double[] a) {
    if (half == null) {
      plan.realForward(a);
      return;
    }
    // z_j = x_2j + i·x_2j+1 is a's own layout: Z = DFT_N(z), N = n/2, in place
    half.complexForward(a);
    int h = n / 2;
    double z0r = a[0];
    double z0i = a[1];
    a[0] = z0r + z0i;                                 // X_0
    a[1] = z0r - z0i;                                 // X_N, packed at a[1] as JTransforms does
    for (int k = 1; 2 * k <= h; k++) {
      int m = h - k;
      double zkr = a[2 * k];
      double zki = a[2 * k + 1];
      double zmr = a[2 * m];
      double zmi = a[2 * m + 1];
      // even samples' spectrum E = (Z_k + conj Z_m) / 2, odd samples' O = (Z_k − conj Z_m) / 2i
      double er = 0.5 * (zkr + zmr);
      double ei = 0.5 * (zki - zmi);
      double or = 0.5 * (zki + zmi);
      double oi = -0.5 * (zkr - zmr);
      // T = e^{−2πik/n} · O;  X_k = E + T,  X_{N−k} = conj(E − T)
      double tr = cos[k] * or + sin[k] * oi;
      double ti = cos[k] * oi - sin[k] * or;
      a[2 * k] = er + tr;
      a[2 * k + 1] = ei + ti;
      if (m != k) {
        a[2 * m] = er - tr;
        a[2 * m + 1] = ti - ei;
      }
    }
  }

  /** Re[k] of a packed spectrum left by {@link #forward}. */
  double real(double[] packed, int k) {
    if (k == 0) {
      return packed[0];
    }
    if (2 * k == n) {
      return packed[1];
    }
    return packed[2 * k];
  }

  /** Im[k] of a packed spectrum left by {@link #forward}. */
  double imaginary(double[] packed, int k) {
    if (k == 0 || 2 * k == n) {
      return 0;
    }
    if (2 * k == n - 1) {
      return packed[1];
    }
    return packed[2 * k + 1];
  }

  /**
   * Transforms {@code a[0 .. n)} (destroying it) and writes the unpacked spectrum into
   * {@code re[0 .. bins)} and {@code im[0 .. bins)}.
   */
  void forward(double[] a, double[] re, double[] im) {
    forward(a);
    int bins = bins();
    re[0] = a[0];
    im[0] = 0;
    for (int k = 1; k < bins; k++) {
      re[k] = real(a, k);
      im[k] = imaginary(a, k);
    }
  }
}
