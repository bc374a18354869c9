package org.sinus.plugins.fft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LeadFft} with SIMD across the leads: every butterfly works on a vector of leads (4 per
 * AVX2 register), so the 12 transforms of a record cost about as much as 3. HotSpot does not
 * vectorize the scalar butterflies of one transform (measured: JTransforms and a scalar version of
 * this code run equally fast with and without {@code -XX:-UseSuperWord}), hence the Vector API
 * ({@code jdk.incubator.vector}, incubating in Java 17; Lucene uses it the same way).
 *
 * <p>Even lengths {@code n} whose half has no prime factor above 5 (1000, 250, 64, 5000, ...):
 * the n-point real transform is the n/2-point complex transform of {@code z_j = x_2j + i·x_2j+1}
 * (a Stockham autosort FFT, radix 4, 2, 3 and 5, decimation in frequency) followed by the textbook
 * split into the real spectrum, the same route as {@link RealFft}.
 */
final class VectorLeadFft extends LeadFft {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int VECTOR = SPECIES.length();
  private static final ConcurrentMap<Integer, Plan> PLANS = new ConcurrentHashMap<>();

  private static final double SIN_60 = Math.sin(2 * Math.PI / 3);
  private static final double COS_72 = Math.cos(2 * Math.PI / 5);
  private static final double COS_144 = Math.cos(4 * Math.PI / 5);
  private static final double SIN_72 = Math.sin(2 * Math.PI / 5);
  private static final double SIN_144 = Math.sin(4 * Math.PI / 5);

  private final Plan plan;
  /** Ping-pong buffers of the complex transform, {@code [n/2][lanes]} each. */
  private final double[] ar;
  private final double[] ai;
  private final double[] br;
  private final double[] bi;

  VectorLeadFft(int n, int leads) {
    super(n, leads, roundUp(leads, VECTOR));
    String unusable = unusableFor(n);
    if (unusable != null) {
      throw new IllegalArgumentException("the SIMD FFT cannot do " + n + " points: " + unusable);
    }
    this.plan = PLANS.computeIfAbsent(n, Plan::new);
    int half = n / 2;
    this.ar = new double[half * lanes];
    this.ai = new double[half * lanes];
    this.br = new double[half * lanes];
    this.bi = new double[half * lanes];
  }

  /** Why this class cannot transform {@code n} points on this JVM, or null if it can. */
  static String unusableFor(int n) {
    if (VECTOR < 4) {
      return "this CPU's preferred vectors hold " + VECTOR + " doubles, too few to gain";
    }
    if (n < 2 || n % 2 != 0) {
      return n + " points: odd";
    }
    int rest = n / 2;
    for (int p : new int[] {2, 3, 5}) {
      while (rest % p == 0) {
        rest /= p;
      }
    }
    return rest == 1 ? null : n + " points: " + (n / 2) + " has the prime factor " + smallestFactor(rest);
  }

  private static int smallestFactor(int m) {
    for (int p = 2; (long) p * p <= m; p++) {
      if (m % p == 0) {
        return p;
      }
    }
    return m;
  }

  private static int roundUp(int value, int multiple) {
    return (value + multiple - 1) / multiple * multiple;
  }

  @Override
  void run() {
    int half = n / 2;
    int stages = plan.radix.length;
    // the first stage reads z straight from the time-major input: Re z_j = x_2j at row 2j, Im z_j at row 2j + 1
    double[] xr = input;
    double[] xi = input;
    int imOffset = lanes;
    int inFactor = 2;
    boolean inA = false;
    for (int stage = 0; stage < stages; stage++) {
      double[] yr = inA ? br : ar;
      double[] yi = inA ? bi : ai;
      switch (plan.radix[stage]) {
        case 4 -> radix4(stage, xr, xi, imOffset, inFactor, yr, yi);
        case 2 -> radix2(stage, xr, xi, imOffset, inFactor, yr, yi);
        case 3 -> radix3(stage, xr, xi, imOffset, inFactor, yr, yi);
        case 5 -> radix5(stage, xr, xi, imOffset, inFactor, yr, yi);
        default -> throw new AssertionError("radix " + plan.radix[stage]);
      }
      xr = yr;
      xi = yi;
      imOffset = 0;
      inFactor = 1;
      inA = !inA;
    }
    split(xr, xi, imOffset, inFactor * lanes, half);
  }

  /**
   * The SIMD logarithm, about 4× faster than {@link Math#log} per value here (measured: 3.1 against
   * 13.8 ns), which otherwise takes most of the time of a log-magnitude STFT.
   */
  @Override
  double[] logMagnitude(double epsilon) {
    double[] m = magnitudes;
    for (int k = 0; k < m.length; k += VECTOR) {
      DoubleVector r = DoubleVector.fromArray(SPECIES, re, k);
      DoubleVector i = DoubleVector.fromArray(SPECIES, im, k);
      r.mul(r).add(i.mul(i)).sqrt().add(epsilon).lanewise(VectorOperators.LOG).intoArray(m, k);
    }
    return m;
  }

  /**
   * The real spectrum from Z = DFT(z): {@code X_k = E_k + e^{−2πik/n}·O_k} with the spectra of the
   * even and odd samples {@code E_k = (Z_k + conj Z_{N−k}) / 2}, {@code O_k = (Z_k − conj Z_{N−k}) / 2i}.
   * {@code Z_k} is at {@code zr[k·rowStride + lane]} and {@code zi[k·rowStride + imOffset + lane]}.
   */
  private void split(double[] zr, double[] zi, int imOffset, int rowStride, int half) {
    double[] cos = plan.splitCos;
    double[] sin = plan.splitSin;
    for (int lane = 0; lane < lanes; lane += VECTOR) {
      DoubleVector z0r = DoubleVector.fromArray(SPECIES, zr, lane);
      DoubleVector z0i = DoubleVector.fromArray(SPECIES, zi, imOffset + lane);
      z0r.add(z0i).intoArray(re, lane);                                     // X_0
      z0r.sub(z0i).intoArray(re, half * lanes + lane);                      // X_N
      DoubleVector.zero(SPECIES).intoArray(im, lane);
      DoubleVector.zero(SPECIES).intoArray(im, half * lanes + lane);
    }
    for (int k = 1; 2 * k <= half; k++) {
      int m = half - k;
      double c = cos[k];
      double s = sin[k];
      for (int lane = 0; lane < lanes; lane += VECTOR) {
        DoubleVector zkr = DoubleVector.fromArray(SPECIES, zr, k * rowStride + lane);
        DoubleVector zki = DoubleVector.fromArray(SPECIES, zi, k * rowStride + imOffset + lane);
        DoubleVector zmr = DoubleVector.fromArray(SPECIES, zr, m * rowStride + lane);
        DoubleVector zmi = DoubleVector.fromArray(SPECIES, zi, m * rowStride + imOffset + lane);
        DoubleVector er = zkr.add(zmr).mul(0.5);
        DoubleVector ei = zki.sub(zmi).mul(0.5);
        DoubleVector or = zki.add(zmi).mul(0.5);
        DoubleVector oi = zmr.sub(zkr).mul(0.5);
        DoubleVector tr = or.mul(c).add(oi.mul(s));                         // T = e^{−2πik/n}·O_k
        DoubleVector ti = oi.mul(c).sub(or.mul(s));
        er.add(tr).intoArray(re, k * lanes + lane);                         // X_k = E + T
        ei.add(ti).intoArray(im, k * lanes + lane);
        if (m != k) {
          er.sub(tr).intoArray(re, m * lanes + lane);                       // X_{N−k} = conj(E − T)
          ti.sub(ei).intoArray(im, m * lanes + lane);
        }
      }
    }
  }

  // Stockham stages. Stage s of radix r over sub-transforms of length L = r·m, with stride S (the
  // product of the earlier radices): for p < m and each column q < S,
  //   y[q + S·(r·p + u)] = w^{p·u} · Σ_t x[q + S·(p + t·m)]·ω_r^{t·u},  w = e^{−2πi/L}, ω_r = e^{−2πi/r}.
  // One "block" is the S·lanes contiguous values of one (p + t·m) or (r·p + u), so the inner loop
  // runs over whole vectors. Input blocks start at (p + t·m)·inFactor·block (inFactor 2 for the
  // interleaved first stage), imaginary parts imOffset further on. Each output u ≥ 1 is multiplied by
  // its twiddle w^{p·u} in place: in a helper method C2 does not inline it into the radix-5 kernel
  // (NodeCountInliningCutoff), and a vector passed to a method that is not inlined is boxed.

  private void radix2(int stage, double[] xr, double[] xi, int imOffset, int inFactor, double[] yr, double[] yi) {
    int m = plan.subLength[stage] / 2;
    int block = plan.stride[stage] * lanes;
    int in = inFactor * block;
    double[] wr = plan.twiddleRe[stage];
    double[] wi = plan.twiddleIm[stage];
    for (int p = 0; p < m; p++) {
      int a0 = p * in;
      int a1 = (p + m) * in;
      int o0 = 2 * p * block;
      int o1 = o0 + block;
      double w1r = wr[2 * p + 1];
      double w1i = wi[2 * p + 1];
      for (int i = 0; i < block; i += VECTOR) {
        DoubleVector x0r = DoubleVector.fromArray(SPECIES, xr, a0 + i);
        DoubleVector x0i = DoubleVector.fromArray(SPECIES, xi, a0 + imOffset + i);
        DoubleVector x1r = DoubleVector.fromArray(SPECIES, xr, a1 + i);
        DoubleVector x1i = DoubleVector.fromArray(SPECIES, xi, a1 + imOffset + i);
        x0r.add(x1r).intoArray(yr, o0 + i);
        x0i.add(x1i).intoArray(yi, o0 + i);
        DoubleVector u1r = x0r.sub(x1r);
        DoubleVector u1i = x0i.sub(x1i);
        u1r.mul(w1r).sub(u1i.mul(w1i)).intoArray(yr, o1 + i);
        u1r.mul(w1i).add(u1i.mul(w1r)).intoArray(yi, o1 + i);
      }
    }
  }

  private void radix3(int stage, double[] xr, double[] xi, int imOffset, int inFactor, double[] yr, double[] yi) {
    int m = plan.subLength[stage] / 3;
    int block = plan.stride[stage] * lanes;
    int in = inFactor * block;
    double[] wr = plan.twiddleRe[stage];
    double[] wi = plan.twiddleIm[stage];
    for (int p = 0; p < m; p++) {
      int a0 = p * in;
      int a1 = (p + m) * in;
      int a2 = (p + 2 * m) * in;
      int o0 = 3 * p * block;
      double w1r = wr[3 * p + 1];
      double w1i = wi[3 * p + 1];
      double w2r = wr[3 * p + 2];
      double w2i = wi[3 * p + 2];
      for (int i = 0; i < block; i += VECTOR) {
        DoubleVector x0r = DoubleVector.fromArray(SPECIES, xr, a0 + i);
        DoubleVector x0i = DoubleVector.fromArray(SPECIES, xi, a0 + imOffset + i);
        DoubleVector x1r = DoubleVector.fromArray(SPECIES, xr, a1 + i);
        DoubleVector x1i = DoubleVector.fromArray(SPECIES, xi, a1 + imOffset + i);
        DoubleVector x2r = DoubleVector.fromArray(SPECIES, xr, a2 + i);
        DoubleVector x2i = DoubleVector.fromArray(SPECIES, xi, a2 + imOffset + i);
        DoubleVector sr = x1r.add(x2r);
        DoubleVector si = x1i.add(x2i);
        x0r.add(sr).intoArray(yr, o0 + i);                                 // b0 = x0 + x1 + x2
        x0i.add(si).intoArray(yi, o0 + i);
        DoubleVector mr = x0r.sub(sr.mul(0.5));
        DoubleVector mi = x0i.sub(si.mul(0.5));
        DoubleVector nr = x1r.sub(x2r).mul(SIN_60);
        DoubleVector ni = x1i.sub(x2i).mul(SIN_60);
        DoubleVector u1r = mr.add(ni);  // b1 = m − i·n
        DoubleVector u1i = mi.sub(nr);
        u1r.mul(w1r).sub(u1i.mul(w1i)).intoArray(yr, o0 + block + i);
        u1r.mul(w1i).add(u1i.mul(w1r)).intoArray(yi, o0 + block + i);
        DoubleVector u2r = mr.sub(ni);  // b2 = m + i·n
        DoubleVector u2i = mi.add(nr);
        u2r.mul(w2r).sub(u2i.mul(w2i)).intoArray(yr, o0 + 2 * block + i);
        u2r.mul(w2i).add(u2i.mul(w2r)).intoArray(yi, o0 + 2 * block + i);
      }
    }
  }

  private void radix4(int stage, double[] xr, double[] xi, int imOffset, int inFactor, double[] yr, double[] yi) {
    int m = plan.subLength[stage] / 4;
    int block = plan.stride[stage] * lanes;
    int in = inFactor * block;
    double[] wr = plan.twiddleRe[stage];
    double[] wi = plan.twiddleIm[stage];
    for (int p = 0; p < m; p++) {
      int a0 = p * in;
      int a1 = (p + m) * in;
      int a2 = (p + 2 * m) * in;
      int a3 = (p + 3 * m) * in;
      int o0 = 4 * p * block;
      double w1r = wr[4 * p + 1];
      double w1i = wi[4 * p + 1];
      double w2r = wr[4 * p + 2];
      double w2i = wi[4 * p + 2];
      double w3r = wr[4 * p + 3];
      double w3i = wi[4 * p + 3];
      for (int i = 0; i < block; i += VECTOR) {
        DoubleVector x0r = DoubleVector.fromArray(SPECIES, xr, a0 + i);
        DoubleVector x0i = DoubleVector.fromArray(SPECIES, xi, a0 + imOffset + i);
        DoubleVector x1r = DoubleVector.fromArray(SPECIES, xr, a1 + i);
        DoubleVector x1i = DoubleVector.fromArray(SPECIES, xi, a1 + imOffset + i);
        DoubleVector x2r = DoubleVector.fromArray(SPECIES, xr, a2 + i);
        DoubleVector x2i = DoubleVector.fromArray(SPECIES, xi, a2 + imOffset + i);
        DoubleVector x3r = DoubleVector.fromArray(SPECIES, xr, a3 + i);
        DoubleVector x3i = DoubleVector.fromArray(SPECIES, xi, a3 + imOffset + i);
        DoubleVector s02r = x0r.add(x2r);
        DoubleVector s02i = x0i.add(x2i);
        DoubleVector d02r = x0r.sub(x2r);
        DoubleVector d02i = x0i.sub(x2i);
        DoubleVector s13r = x1r.add(x3r);
        DoubleVector s13i = x1i.add(x3i);
        DoubleVector d13r = x1r.sub(x3r);
        DoubleVector d13i = x1i.sub(x3i);
        s02r.add(s13r).intoArray(yr, o0 + i);                              // b0 = x0 + x1 + x2 + x3
        s02i.add(s13i).intoArray(yi, o0 + i);
        DoubleVector u1r = d02r.add(d13i);  // b1 = d02 − i·d13
        DoubleVector u1i = d02i.sub(d13r);
        u1r.mul(w1r).sub(u1i.mul(w1i)).intoArray(yr, o0 + block + i);
        u1r.mul(w1i).add(u1i.mul(w1r)).intoArray(yi, o0 + block + i);
        DoubleVector u2r = s02r.sub(s13r);  // b2 = s02 − s13
        DoubleVector u2i = s02i.sub(s13i);
        u2r.mul(w2r).sub(u2i.mul(w2i)).intoArray(yr, o0 + 2 * block + i);
        u2r.mul(w2i).add(u2i.mul(w2r)).intoArray(yi, o0 + 2 * block + i);
        DoubleVector u3r = d02r.sub(d13i);  // b3 = d02 + i·d13
        DoubleVector u3i = d02i.add(d13r);
        u3r.mul(w3r).sub(u3i.mul(w3i)).intoArray(yr, o0 + 3 * block + i);
        u3r.mul(w3i).add(u3i.mul(w3r)).intoArray(yi, o0 + 3 * block + i);
      }
    }
  }

  private void radix5(int stage, double[] xr, double[] xi, int imOffset, int inFactor, double[] yr, double[] yi) {
    int m = plan.subLength[stage] / 5;
    int block = plan.stride[stage] * lanes;
    int in = inFactor * block;
    double[] wr = plan.twiddleRe[stage];
    double[] wi = plan.twiddleIm[stage];
    for (int p = 0; p < m; p++) {
      int a0 = p * in;
      int a1 = (p + m) * in;
      int a2 = (p + 2 * m) * in;
      int a3 = (p + 3 * m) * in;
      int a4 = (p + 4 * m) * in;
      int o0 = 5 * p * block;
      double w1r = wr[5 * p + 1];
      double w1i = wi[5 * p + 1];
      double w2r = wr[5 * p + 2];
      double w2i = wi[5 * p + 2];
      double w3r = wr[5 * p + 3];
      double w3i = wi[5 * p + 3];
      double w4r = wr[5 * p + 4];
      double w4i = wi[5 * p + 4];
      for (int i = 0; i < block; i += VECTOR) {
        DoubleVector x0r = DoubleVector.fromArray(SPECIES, xr, a0 + i);
        DoubleVector x0i = DoubleVector.fromArray(SPECIES, xi, a0 + imOffset + i);
        DoubleVector x1r = DoubleVector.fromArray(SPECIES, xr, a1 + i);
        DoubleVector x1i = DoubleVector.fromArray(SPECIES, xi, a1 + imOffset + i);
        DoubleVector x2r = DoubleVector.fromArray(SPECIES, xr, a2 + i);
        DoubleVector x2i = DoubleVector.fromArray(SPECIES, xi, a2 + imOffset + i);
        DoubleVector x3r = DoubleVector.fromArray(SPECIES, xr, a3 + i);
        DoubleVector x3i = DoubleVector.fromArray(SPECIES, xi, a3 + imOffset + i);
        DoubleVector x4r = DoubleVector.fromArray(SPECIES, xr, a4 + i);
        DoubleVector x4i = DoubleVector.fromArray(SPECIES, xi, a4 + imOffset + i);
        DoubleVector t1r = x1r.add(x4r);
        DoubleVector t1i = x1i.add(x4i);
        DoubleVector t2r = x2r.add(x3r);
        DoubleVector t2i = x2i.add(x3i);
        DoubleVector t3r = x1r.sub(x4r);
        DoubleVector t3i = x1i.sub(x4i);
        DoubleVector t4r = x2r.sub(x3r);
        DoubleVector t4i = x2i.sub(x3i);
        x0r.add(t1r).add(t2r).intoArray(yr, o0 + i);                       // b0 = Σ x_t
        x0i.add(t1i).add(t2i).intoArray(yi, o0 + i);
        // b1,4 = m1 ∓ i·n1 and b2,3 = m2 ∓ i·n2 with ω = e^{−2πi/5}
        DoubleVector m1r = x0r.add(t1r.mul(COS_72)).add(t2r.mul(COS_144));
        DoubleVector m1i = x0i.add(t1i.mul(COS_72)).add(t2i.mul(COS_144));
        DoubleVector m2r = x0r.add(t1r.mul(COS_144)).add(t2r.mul(COS_72));
        DoubleVector m2i = x0i.add(t1i.mul(COS_144)).add(t2i.mul(COS_72));
        DoubleVector n1r = t3r.mul(SIN_72).add(t4r.mul(SIN_144));
        DoubleVector n1i = t3i.mul(SIN_72).add(t4i.mul(SIN_144));
        DoubleVector n2r = t3r.mul(SIN_144).sub(t4r.mul(SIN_72));
        DoubleVector n2i = t3i.mul(SIN_144).sub(t4i.mul(SIN_72));
        DoubleVector u1r = m1r.add(n1i);
        DoubleVector u1i = m1i.sub(n1r);
        u1r.mul(w1r).sub(u1i.mul(w1i)).intoArray(yr, o0 + block + i);
        u1r.mul(w1i).add(u1i.mul(w1r)).intoArray(yi, o0 + block + i);
        DoubleVector u2r = m2r.add(n2i);
        DoubleVector u2i = m2i.sub(n2r);
        u2r.mul(w2r).sub(u2i.mul(w2i)).intoArray(yr, o0 + 2 * block + i);
        u2r.mul(w2i).add(u2i.mul(w2r)).intoArray(yi, o0 + 2 * block + i);
        DoubleVector u3r = m2r.sub(n2i);
        DoubleVector u3i = m2i.add(n2r);
        u3r.mul(w3r).sub(u3i.mul(w3i)).intoArray(yr, o0 + 3 * block + i);
        u3r.mul(w3i).add(u3i.mul(w3r)).intoArray(yi, o0 + 3 * block + i);
        DoubleVector u4r = m1r.sub(n1i);
        DoubleVector u4i = m1i.add(n1r);
        u4r.mul(w4r).sub(u4i.mul(w4i)).intoArray(yr, o0 + 4 * block + i);
        u4r.mul(w4i).add(u4i.mul(w4r)).intoArray(yi, o0 + 4 * block + i);
      }
    }
  }

  /** The stages and tables of the {@code n/2}-point complex transform and the split; shared by threads. */
  private static final class Plan {
    final int[] radix;
    /** Length of the sub-transforms a stage works on. */
    final int[] subLength;
    /** Product of the earlier stages' radices. */
    final int[] stride;
    /** {@code w^{p·u}} at {@code p·radix + u}, per stage. */
    final double[][] twiddleRe;
    final double[][] twiddleIm;
    /** {@code cos(2πk/n)}, {@code sin(2πk/n)} for k = 0 .. n/4. */
    final double[] splitCos;
    final double[] splitSin;

    Plan(int n) {
      int half = n / 2;
      List<Integer> radices = new ArrayList<>();
      int rest = half;
      for (int r : new int[] {4, 2, 3, 5}) {
        while (rest % r == 0) {
          radices.add(r);
          rest /= r;
        }
      }
      int stages = radices.size();
      radix = new int[stages];
      subLength = new int[stages];
      stride = new int[stages];
      twiddleRe = new double[stages][];
      twiddleIm = new double[stages][];
      int length = half;
      int s = 1;
      for (int stage = 0; stage < stages; stage++) {
        int r = radices.get(stage);
        int m = length / r;
        radix[stage] = r;
        subLength[stage] = length;
        stride[stage] = s;
        twiddleRe[stage] = new double[length];
        twiddleIm[stage] = new double[length];
        for (int p = 0; p < m; p++) {
          for (int u = 0; u < r; u++) {
            double angle = -2 * Math.PI * ((long) p * u % length) / length;
            twiddleRe[stage][p * r + u] = Math.cos(angle);
            twiddleIm[stage][p * r + u] = Math.sin(angle);
          }
        }
        length = m;
        s *= r;
      }
      splitCos = new double[half / 2 + 1];
      splitSin = new double[half / 2 + 1];
      for (int k = 0; k < splitCos.length; k++) {
        splitCos[k] = Math.cos(2 * Math.PI * k / n);
        splitSin[k] = Math.sin(2 * Math.PI * k / n);
      }
    }
  }
}
