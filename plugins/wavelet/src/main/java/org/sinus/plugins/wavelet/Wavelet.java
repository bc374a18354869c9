package org.sinus.plugins.wavelet;

/**
 * A mother wavelet of the continuous wavelet transform, with what the transform needs of it: its
 * sampled, normalized kernel at a scale, the Fourier period of a scale (to place scales at given
 * frequencies) and the e-folding time of its cone of influence.
 *
 * <p>{@link Morlet}, {@link MexicanHat} and {@link Paul} follow Torrence &amp; Compo (1998), "A
 * practical guide to wavelet analysis", Bull. Amer. Meteor. Soc. 79(1), Table 1: ψ0 has unit energy
 * and the wavelet at scale {@code s} (in samples) is {@code s^-½ ψ0(t / s)}, the time-domain form
 * of their {@code (2π s / δt)^½} factor (their eq. 3 and 6), so that every scale has unit energy.
 * {@link PywtMorl} is PyWavelets' real {@code 'morl'} with PyWavelets' own discretization and
 * normalization, to reproduce {@code pywt.cwt} numbers.
 */
public sealed interface Wavelet permits Wavelet.Morlet, Wavelet.MexicanHat, Wavelet.Paul, Wavelet.PywtMorl {

  /** A short description for logs and cache keys, e.g. {@code morlet(ω0=6.0)}. */
  String describe();

  /** Whether the coefficients are complex (they are real for a real wavelet and a real signal). */
  boolean complex();

  /** Fourier period of scale {@code s} divided by {@code s} (Torrence &amp; Compo's λ / s). */
  double fourierFactor();

  /** e-folding time of the wavelet's response to an edge, divided by the scale (the cone of influence). */
  double eFoldingFactor();

  /**
   * The wavelet at {@code scale} samples as convolution taps, truncated where it no longer touches a
   * record of {@code samples} samples or falls below 1e-12 of its peak: coefficient
   * {@code W[n] = Σ_m h(m)·x[n − m]}.
   */
  Kernel kernel(double scale, int samples);

  /** The scale (in samples) whose Fourier period is that of {@code hertz} at {@code samplingRate}. */
  default double scaleOf(double hertz, double samplingRate) {
    return samplingRate / (hertz * fourierFactor());
  }

  /** The frequency in Hz of {@code scale} samples at {@code samplingRate}. */
  default double frequencyOf(double scale, double samplingRate) {
    return samplingRate / (scale * fourierFactor());
  }

  /** Relative amplitude below which the tails of a wavelet are cut off. */
  double TAIL = 1e-12;

  /**
   * Complex Morlet, {@code ψ0(η) = π^-¼ e^{iω0η} e^{-η²/2}}; ω0 = 6 is the usual choice (the
   * admissibility correction term is negligible for ω0 ≥ 5 and left out, as in Torrence &amp; Compo).
   */
  record Morlet(double omega0) implements Wavelet {
    public Morlet {
      if (!(omega0 >= 3 && omega0 <= 20)) {
        throw new IllegalArgumentException("Morlet ω0 must be in [3, 20], got " + omega0);
      }
    }

    @Override
    public String describe() {
      return "morlet(omega0=" + omega0 + ")";
    }

    @Override
    public boolean complex() {
      return true;
    }

    @Override
    public double fourierFactor() {
      return 4 * Math.PI / (omega0 + Math.sqrt(2 + omega0 * omega0));
    }

    @Override
    public double eFoldingFactor() {
      return Math.sqrt(2);
    }

    @Override
    public Kernel kernel(double scale, int samples) {
      int reach = reach(Math.sqrt(2 * Math.log(1 / TAIL)), scale, samples);
      double norm = Math.pow(Math.PI, -0.25) / Math.sqrt(scale);
      double[] re = new double[2 * reach + 1];
      double[] im = new double[2 * reach + 1];
      for (int m = -reach; m <= reach; m++) {
        // h(m) = s^-½ conj(ψ0(−m/s)) = s^-½ ψ0(m/s) for the Morlet
        double eta = m / scale;
        double envelope = norm * Math.exp(-0.5 * eta * eta);
        re[m + reach] = envelope * Math.cos(omega0 * eta);
        im[m + reach] = envelope * Math.sin(omega0 * eta);
      }
      return new Kernel(re, im, -reach);
    }
  }

  /**
   * Mexican hat, the second derivative of a Gaussian (DOG, m = 2):
   * {@code ψ0(η) = Γ(5/2)^-½ (1 − η²) e^{-η²/2}}; real.
   */
  record MexicanHat() implements Wavelet {
    private static final double GAMMA_5_2 = 0.75 * Math.sqrt(Math.PI);

    @Override
    public String describe() {
      return "mexican-hat";
    }

    @Override
    public boolean complex() {
      return false;
    }

    @Override
    public double fourierFactor() {
      return 2 * Math.PI / Math.sqrt(2.5);
    }

    @Override
    public double eFoldingFactor() {
      return Math.sqrt(2);
    }

    @Override
    public Kernel kernel(double scale, int samples) {
      // (1 + η²) e^{-η²/2} < 1e-12 beyond |η| ≈ 8.3
      int reach = reach(8.5, scale, samples);
      double norm = 1 / Math.sqrt(GAMMA_5_2 * scale);
      double[] re = new double[2 * reach + 1];
      for (int m = -reach; m <= reach; m++) {
        double eta = m / scale;
        re[m + reach] = norm * (1 - eta * eta) * Math.exp(-0.5 * eta * eta);
      }
      return new Kernel(re, null, -reach);
    }
  }

  /**
   * Paul wavelet of order m: {@code ψ0(η) = 2^m i^m m! / √(π (2m)!) · (1 − iη)^{-(m+1)}}; complex,
   * with heavy (power-law) tails, good time and poor frequency resolution; m = 4 is usual.
   */
  record Paul(int order) implements Wavelet {
    public Paul {
      if (order < 1 || order > 20) {
        throw new IllegalArgumentException("Paul order must be in [1, 20], got " + order);
      }
    }

    @Override
    public String describe() {
      return "paul(m=" + order + ")";
    }

    @Override
    public boolean complex() {
      return true;
    }

    @Override
    public double fourierFactor() {
      return 4 * Math.PI / (2 * order + 1);
    }

    @Override
    public double eFoldingFactor() {
      return 1 / Math.sqrt(2);
    }

    @Override
    public Kernel kernel(double scale, int samples) {
      int m = order;
      // |ψ0| ∝ (1 + η²)^{-(m+1)/2} falls below 1e-12 of its peak here
      double cut = Math.sqrt(Math.pow(TAIL, -2.0 / (m + 1)) - 1);
      int reach = reach(cut, scale, samples);
      double logNorm = m * Math.log(2) + logFactorial(m) - 0.5 * (Math.log(Math.PI) + logFactorial(2 * m));
      double norm = Math.exp(logNorm) / Math.sqrt(scale);
      double[] re = new double[2 * reach + 1];
      double[] im = new double[2 * reach + 1];
      for (int k = -reach; k <= reach; k++) {
        // h(k) = s^-½ conj(ψ0(η)) at η = −k/s
        double eta = -k / scale;
        // (1 − iη)^{-(m+1)} = (1 + η²)^{-(m+1)/2} · e^{i(m+1)·atan(η)};  i^m = e^{iπm/2}
        double modulus = norm * Math.pow(1 + eta * eta, -(m + 1) / 2.0);
        double phase = (m + 1) * Math.atan(eta) + Math.PI * m / 2;
        re[k + reach] = modulus * Math.cos(phase);
        im[k + reach] = -modulus * Math.sin(phase);
      }
      return new Kernel(re, im, -reach);
    }

    private static double logFactorial(int n) {
      double sum = 0;
      for (int i = 2; i <= n; i++) {
        sum += Math.log(i);
      }
      return sum;
    }
  }

  /**
   * PyWavelets' real Morlet {@code 'morl'}, {@code ψ(t) = cos(5t) e^{-t²/2}} on [−8, 8], computed
   * exactly as {@code pywt.cwt} (version 1.1) does: the wavelet integrated at precision 10 (1024
   * points), resampled per scale, convolved, differenced and multiplied by {@code −√s}. This is not
   * unit-energy normalized; it exists to reproduce PyWavelets' scalograms (the peer reference
   * {@code cwt_cnn2d} uses it). Scales map to frequencies with PyWavelets' central frequency of
   * {@code morl}, 0.8125 cycles per unit ({@code pywt.central_frequency('morl')}).
   */
  record PywtMorl() implements Wavelet {
    static final double CENTRAL_FREQUENCY = 0.8125;
    private static final int POINTS = 1024;
    private static final double[] INTEGRATED = integrated();
    private static final double STEP = step();

    @Override
    public String describe() {
      return "pywt-morl";
    }

    @Override
    public boolean complex() {
      return false;
    }

    @Override
    public double fourierFactor() {
      return 1 / CENTRAL_FREQUENCY;
    }

    @Override
    public double eFoldingFactor() {
      return Math.sqrt(2);
    }

    /** numpy.linspace(-8, 8, 1024), bit for bit: {@code i·step + start}, the last point set to 8. */
    private static double point(int i) {
      return i == POINTS - 1 ? 8.0 : i * (16.0 / (POINTS - 1)) + -8.0;
    }

    private static double step() {
      return point(1) - point(0);
    }

    /** pywt.integrate_wavelet: cumulative sum of ψ times the step. */
    private static double[] integrated() {
      double[] values = new double[POINTS];
      double sum = 0;
      double step = point(1) - point(0);
      for (int i = 0; i < POINTS; i++) {
        double x = point(i);
        sum += Math.cos(5 * x) * Math.exp(-x * x / 2);
        values[i] = sum * step;
      }
      return values;
    }

    @Override
    public Kernel kernel(double scale, int samples) {
      // pywt: j = floor(arange(scale·(x[-1] − x[0]) + 1) / (scale·step)); k = int_psi[j][::-1]
      double stop = scale * (point(POINTS - 1) - point(0)) + 1;
      int count = (int) Math.ceil(stop);
      int[] j = new int[count];
      int length = 0;
      for (int i = 0; i < count; i++) {
        int index = (int) (i / (scale * STEP));
        if (index < POINTS) {
          j[length++] = index;
        }
      }
      if (length < 2) {
        throw new IllegalArgumentException("scale " + scale + " is too small for pywt's morl (needs at least 2 taps)");
      }
      double[] k = new double[length];
      for (int i = 0; i < length; i++) {
        k[i] = INTEGRATED[j[length - 1 - i]];
      }
      // −√s · diff(conv(x, k)), cropped by floor((L − 2) / 2) + 1: taps d_i = k_i − k_{i−1}, i = 0..L
      int centre = (length - 2) / 2 + 1;
      double factor = -Math.sqrt(scale);
      int first = Math.max(-centre, -(samples - 1));
      int last = Math.min(length - centre, samples - 1);
      double[] taps = new double[last - first + 1];
      for (int m = first; m <= last; m++) {
        int i = m + centre;
        double current = i < length ? k[i] : 0;
        double previous = i > 0 ? k[i - 1] : 0;
        taps[m - first] = factor * (current - previous);
      }
      return new Kernel(taps, null, first);
    }
  }

  /** Half-width in samples of a wavelet whose tails are cut at |η| = {@code cut}, at most samples − 1. */
  private static int reach(double cut, double scale, int samples) {
    return (int) Math.min(samples - 1L, (long) Math.ceil(cut * scale));
  }
}
