package org.sinus.plugins.wavelet;

import org.sinus.api.data.EcgDataset;
import org.sinus.api.representation.Representation;
import org.sinus.testkit.RepresentationContract;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestDatasets;

/**
 * What every representation promises, for {@code cwt} with its defaults (Morlet, 40–0.5 Hz,
 * lead-scale normalization, leads as channels, a float16 cache) but 8 scales, 1 s windows and 20
 * records, to keep it fast: the contract compares every value of every example it encodes.
 */
class CwtRepresentationContractTest extends RepresentationContract {

  @Override
  protected Representation representation() {
    return TestComponents.of(new WaveletPlugin()).build(Representation.POINT, "type = cwt, scales { count = 8 }");
  }

  /** 20 records of 10 s at 100 Hz, 12 leads: 16 training, 2 validation and 2 test records. */
  @Override
  protected EcgDataset data() {
    return TestDatasets.random(20, 1000, 100, 7);
  }

  @Override
  protected int windowSamples() {
    return 100;
  }

  /**
   * The float16 cache rounds each unnormalized value v by up to 2⁻¹¹·|v|, which normalization by a
   * standard deviation σ turns into 2⁻¹¹·|v|/σ: at most 1.2e-3 relative on this kind of data.
   */
  @Override
  protected double cacheTolerance() {
    return 2e-3;
  }
}
