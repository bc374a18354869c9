package org.sinus.plugins.wavelet;

/**
 * A wavelet at one scale as convolution taps: the coefficient at sample n is
 * {@code W[n] = Σ_m h(m)·x[n − m]} for {@code m = first, ..., first + length − 1}, with x zero
 * outside the record.
 *
 * @param re real parts of h, {@code re[i] = Re h(first + i)}
 * @param im imaginary parts of h, or null for a real wavelet
 * @param first the offset m of the first tap
 */
public record Kernel(double[] re, double[] im, int first) {
  public Kernel {
    if (re.length == 0 || (im != null && im.length != re.length)) {
      throw new IllegalArgumentException("a kernel needs taps, with as many imaginary as real parts");
    }
  }

  public int length() {
    return re.length;
  }

  /** Offset m of the last tap. */
  public int last() {
    return first + re.length - 1;
  }

  public boolean complex() {
    return im != null;
  }

  /** Σ |h(m)|², the energy of the sampled wavelet (1 for Torrence &amp; Compo's normalization). */
  public double energy() {
    double sum = 0;
    for (int i = 0; i < re.length; i++) {
      sum += re[i] * re[i] + (im == null ? 0 : im[i] * im[i]);
    }
    return sum;
  }
}
