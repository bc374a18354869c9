package org.sinus.plugins.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sinus.api.data.ClassRegions;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.Split;
import org.sinus.testkit.DatasetContract;
import org.sinus.testkit.TestComponents;

/** What every dataset promises, for 60 synthetic records of 5 s, built from config as an experiment does. */
class SyntheticDatasetContractTest extends DatasetContract {

  @Override
  protected Dataset dataset() {
    return TestComponents.of(new SyntheticPlugin())
        .build(Dataset.POINT, "type = synthetic, records = 60, duration = 5s");
  }

  @Test
  void foldsAreDealtEvenlyAndEveryRecordHasARegionOfTheDeclaredShape() {
    assertThat(data().indices(Split.TRAIN)).hasSize(48);
    assertThat(data().indices(Split.VALIDATION)).hasSize(6);
    assertThat(data().indices(Split.TEST)).hasSize(6);
    ClassRegions regions = data().regions().orElseThrow();
    for (int r = 0; r < data().size(); r++) {
      for (int label = 0; label < data().labels().size(); label++) {
        assertThat(regions.region(r, label)).hasSize(data().samples() * data().leads().size());
      }
    }
  }
}
