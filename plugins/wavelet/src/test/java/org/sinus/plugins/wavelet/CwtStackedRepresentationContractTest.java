package org.sinus.plugins.wavelet;

import org.sinus.api.data.EcgDataset;
import org.sinus.api.representation.Representation;
import org.sinus.testkit.RepresentationContract;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestDatasets;

/**
 * What every representation promises, for {@code cwt} in its other shape: one image per lead
 * stacked along the height ({@code [12 × 8, 64, 1]}), time pooled by 2 before caching and resized
 * from 125 columns to 64, and a float32 cache, which holds exactly what encoding a signal computes
 * (the default tolerance, 0).
 */
class CwtStackedRepresentationContractTest extends RepresentationContract {

  @Override
  protected Representation representation() {
    return TestComponents.of(new WaveletPlugin()).build(Representation.POINT,
        "type = cwt, scales { count = 8 }, layout = stacked, pool = 2, width = 64, storage = float32");
  }

  /** 20 records of 10 s at 100 Hz, 12 leads: 16 training, 2 validation and 2 test records. */
  @Override
  protected EcgDataset data() {
    return TestDatasets.random(20, 1000, 100, 7);
  }
}
