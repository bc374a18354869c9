package org.sinus.plugins.wavelet;

import java.util.Arrays;
import java.util.TreeMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The continuous wavelet transform of records of a fixed length at fixed scales, by FFT
 * convolution (JTransforms, double precision). The result equals the direct linear convolution of
 * each lead with the wavelet's taps ({@link Wavelet#kernel}), the record taken as zero outside its
 * samples: each scale uses an FFT of a power-of-two size long enough that nothing wraps around
 * into the kept samples, so there is no circular-convolution artefact.
 *
 * <p>Everything that does not depend on the signal is done once here: the taps and their spectra
 * (scaled by the inverse FFT's 1/n). Per record, each lead is transformed once per distinct FFT
 * size; per scale one inverse FFT gives the coefficients of a lead (complex wavelets) or of two
 * leads at once (real wavelets: the two leads are the real and imaginary part of one complex
 * signal, which a real kernel keeps apart).
 *
 * <p>A transform is immutable and may be shared by threads; each thread needs its own
 * {@link Workspace}.
 *
 * <pre>{@code
 * var cwt = new ContinuousWaveletTransform(new Wavelet.Morlet(6), scales, 1000);
 * var workspace = cwt.workspace(12);
 * cwt.transform(leads, workspace, (scale, lead, re, im) -> ...);   // re, im: 1000 values each
 * }</pre>
 */
public final class ContinuousWaveletTransform {
  private final Wavelet wavelet;
  private final double[] scales;
  private final int samples;
  private final int[] sizeOf;            // per scale: index into sizes
  private final int[] sizes;             // distinct FFT sizes, ascending
  private final DoubleFFT_1D[] plans;    // per distinct size
  private final double[][] spectra;      // per scale: the kernel's spectrum / n, interleaved complex

  /**
   * @param scales scales in samples (each > 0), in the order the results are reported
   * @param samples samples per lead of every record to transform
   */
  public ContinuousWaveletTransform(Wavelet wavelet, double[] scales, int samples) {
    if (samples < 2) {
      throw new IllegalArgumentException("a record needs at least 2 samples, got " + samples);
    }
    if (scales.length == 0) {
      throw new IllegalArgumentException("the transform needs at least one scale");
    }
    this.wavelet = wavelet;
    this.scales = scales.clone();
    this.samples = samples;
    this.sizeOf = new int[scales.length];
    this.spectra = new double[scales.length][];
    Kernel[] kernels = new Kernel[scales.length];
    TreeMap<Integer, Integer> distinct = new TreeMap<>();
    int[] sizeOfScale = new int[scales.length];
    for (int s = 0; s < scales.length; s++) {
      if (!(scales[s] > 0) || !Double.isFinite(scales[s])) {
        throw new IllegalArgumentException("scale " + s + " is " + scales[s] + "; scales must be positive");
      }
      kernels[s] = wavelet.kernel(scales[s], samples);
      int reach = Math.max(0, Math.max(kernels[s].last(), -kernels[s].first()));
      sizeOfScale[s] = Integer.highestOneBit(samples + reach - 1) << 1;
      distinct.put(sizeOfScale[s], 0);
    }
    this.sizes = distinct.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.plans = new DoubleFFT_1D[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      plans[i] = new DoubleFFT_1D(sizes[i]);
    }
    for (int s = 0; s < scales.length; s++) {
      sizeOf[s] = Arrays.binarySearch(sizes, sizeOfScale[s]);
      spectra[s] = spectrum(kernels[s], sizeOfScale[s], plans[sizeOf[s]]);
    }
  }

  /** The kernel's taps placed circularly (offset m at index m mod n), transformed, divided by n. */
  private static double[] spectrum(Kernel kernel, int n, DoubleFFT_1D plan) {
    double[] a = new double[2 * n];
    for (int i = 0; i < kernel.length(); i++) {
      int index = Math.floorMod(kernel.first() + i, n);
      a[2 * index] = kernel.re()[i];
      a[2 * index + 1] = kernel.im() == null ? 0 : kernel.im()[i];
    }
    plan.complexForward(a);
    for (int i = 0; i < a.length; i++) {
      a[i] /= n;
    }
    return a;
  }

  public Wavelet wavelet() {
    return wavelet;
  }

  /** Scales in samples, in result order. */
  public double[] scales() {
    return scales.clone();
  }

  public int samples() {
    return samples;
  }

  /** Receives the coefficients of one lead at one scale; the arrays are only valid during the call. */
  @FunctionalInterface
  public interface Sink {
    /**
     * @param re real parts of the {@link #samples()} coefficients
     * @param im imaginary parts, or null for a real wavelet
     */
    void accept(int scale, int lead, double[] re, double[] im);
  }

  /** Buffers of one thread for records of {@code leads} leads. */
  public Workspace workspace(int leads) {
    return new Workspace(leads);
  }

  /** Per-thread buffers: the leads' spectra for every FFT size, and one product buffer. */
  public final class Workspace {
    private final int leads;
    private final double[][][] inputSpectra;   // [size][lead or pair][2·n]
    private final double[] product;
    private final double[] re;
    private final double[] im;
    private final double[] re2;

    private Workspace(int leads) {
      if (leads < 1) {
        throw new IllegalArgumentException("a record needs at least one lead");
      }
      this.leads = leads;
      int rows = wavelet.complex() ? leads : (leads + 1) / 2;
      this.inputSpectra = new double[sizes.length][rows][];
      for (int i = 0; i < sizes.length; i++) {
        for (int r = 0; r < rows; r++) {
          inputSpectra[i][r] = new double[2 * sizes[i]];
        }
      }
      this.product = new double[2 * sizes[sizes.length - 1]];
      this.re = new double[samples];
      this.im = new double[samples];
      this.re2 = new double[samples];
    }
  }

  /**
   * Transforms every lead of a record and hands each (scale, lead) to {@code sink}, scale by scale.
   *
   * @param leads {@code leads[l]} holds the {@link #samples()} values of lead l
   */
  public void transform(double[][] leads, Workspace workspace, Sink sink) {
    if (leads.length != workspace.leads) {
      throw new IllegalArgumentException("the workspace is for " + workspace.leads + " leads, got " + leads.length);
    }
    for (double[] lead : leads) {
      if (lead.length < samples) {
        throw new IllegalArgumentException("a lead has " + lead.length + " samples, the transform needs " + samples);
      }
    }
    if (wavelet.complex()) {
      transformComplex(leads, workspace, sink);
    } else {
      transformReal(leads, workspace, sink);
    }
  }

  private void transformComplex(double[][] leads, Workspace w, Sink sink) {
    for (int i = 0; i < sizes.length; i++) {
      for (int l = 0; l < leads.length; l++) {
        double[] a = w.inputSpectra[i][l];
        Arrays.fill(a, 0);
        for (int t = 0; t < samples; t++) {
          a[2 * t] = leads[l][t];
        }
        plans[i].complexForward(a);
      }
    }
    for (int s = 0; s < scales.length; s++) {
      int n = sizes[sizeOf[s]];
      DoubleFFT_1D plan = plans[sizeOf[s]];
      double[] h = spectra[s];
      for (int l = 0; l < leads.length; l++) {
        multiply(w.inputSpectra[sizeOf[s]][l], h, w.product, n);
        plan.complexInverse(w.product, false);
        for (int t = 0; t < samples; t++) {
          w.re[t] = w.product[2 * t];
          w.im[t] = w.product[2 * t + 1];
        }
        sink.accept(s, l, w.re, w.im);
      }
    }
  }

  /** Real wavelet: leads 2p and 2p + 1 travel as the real and imaginary part of one signal. */
  private void transformReal(double[][] leads, Workspace w, Sink sink) {
    int pairs = (leads.length + 1) / 2;
    for (int i = 0; i < sizes.length; i++) {
      for (int p = 0; p < pairs; p++) {
        double[] a = w.inputSpectra[i][p];
        Arrays.fill(a, 0);
        double[] first = leads[2 * p];
        double[] second = 2 * p + 1 < leads.length ? leads[2 * p + 1] : null;
        for (int t = 0; t < samples; t++) {
          a[2 * t] = first[t];
          a[2 * t + 1] = second == null ? 0 : second[t];
        }
        plans[i].complexForward(a);
      }
    }
    for (int s = 0; s < scales.length; s++) {
      int n = sizes[sizeOf[s]];
      DoubleFFT_1D plan = plans[sizeOf[s]];
      double[] h = spectra[s];
      for (int p = 0; p < pairs; p++) {
        multiply(w.inputSpectra[sizeOf[s]][p], h, w.product, n);
        plan.complexInverse(w.product, false);
        for (int t = 0; t < samples; t++) {
          w.re[t] = w.product[2 * t];
          w.re2[t] = w.product[2 * t + 1];
        }
        sink.accept(s, 2 * p, w.re, null);
        if (2 * p + 1 < leads.length) {
          sink.accept(s, 2 * p + 1, w.re2, null);
        }
      }
    }
  }

  private static void multiply(double[] x, double[] h, double[] out, int n) {
    for (int k = 0; k < 2 * n; k += 2) {
      double xr = x[k];
      double xi = x[k + 1];
      double hr = h[k];
      double hi = h[k + 1];
      out[k] = xr * hr - xi * hi;
      out[k + 1] = xr * hi + xi * hr;
    }
  }
}
