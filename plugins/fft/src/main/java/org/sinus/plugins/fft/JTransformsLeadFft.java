package org.sinus.plugins.fft;

/**
 * {@link LeadFft} by one JTransforms transform ({@link RealFft}) per lead: any length, no SIMD.
 * The fallback where the Vector API is not available or the length has a prime factor above 5.
 */
final class JTransformsLeadFft extends LeadFft {
  private final RealFft fft;
  private final double[] lead;

  JTransformsLeadFft(int n, int leads) {
    super(n, leads, leads);
    this.fft = RealFft.of(n);
    this.lead = new double[n];
  }

  @Override
  void run() {
    int bins = bins();
    // bins 1 .. ⌊n/2⌋ − 1 sit as (Re, Im) pairs at 2k, 2k + 1 of the packed spectrum; 0 and ⌊n/2⌋ apart
    int paired = n / 2;
    for (int l = 0; l < leads; l++) {
      for (int j = 0, i = l; j < n; j++, i += lanes) {
        lead[j] = input[i];
      }
      fft.forward(lead);
      for (int k = 1, i = lanes + l; k < paired; k++, i += lanes) {
        re[i] = lead[2 * k];
        im[i] = lead[2 * k + 1];
      }
      unpackApart(0, l);
      unpackApart(bins - 1, l);
    }
  }

  /** Copies bin {@code k} of lead {@code l}, one of those packed apart, from the packed spectrum. */
  private void unpackApart(int k, int l) {
    re[k * lanes + l] = fft.real(lead, k);
    im[k * lanes + l] = fft.imaginary(lead, k);
  }
}
