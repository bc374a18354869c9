package org.sinus.plugins.fft;

/**
 * {@link LeadFft} by one JTransforms transform ({@link RealFft}) per lead: any length, no SIMD.
 * The fallback where the Vector API is not available or the length has a prime factor above 5.
 */
final class JTransformsLeadFft extends LeadFft {
  private final RealFft fft;
  private final double[] lead;
  private final double[] leadRe;
  private final double[] leadIm;

  JTransformsLeadFft(int n, int leads) {
    super(n, leads, leads);
    this.fft = RealFft.of(n);
    this.lead = new double[n];
    this.leadRe = new double[n / 2 + 1];
    this.leadIm = new double[n / 2 + 1];
  }

  @Override
  void run() {
    int bins = bins();
    for (int l = 0; l < leads; l++) {
      for (int j = 0, i = l; j < n; j++, i += lanes) {
        lead[j] = input[i];
      }
      fft.forward(lead, leadRe, leadIm);
      for (int k = 0, i = l; k < bins; k++, i += lanes) {
        re[i] = leadRe[k];
        im[i] = leadIm[k];
      }
    }
  }
}
