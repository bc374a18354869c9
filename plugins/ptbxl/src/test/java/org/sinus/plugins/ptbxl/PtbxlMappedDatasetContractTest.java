package org.sinus.plugins.ptbxl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sinus.api.data.Dataset;
import org.sinus.testkit.DatasetContract;
import org.sinus.testkit.PtbxlFixture;
import org.sinus.testkit.RequiresPtbxl;

/**
 * The dataset contract with the signals in a memory-mapped cache file: loading again reuses the
 * cache the first load built.
 */
@RequiresPtbxl
class PtbxlMappedDatasetContractTest extends DatasetContract {

  @Override
  protected Dataset dataset() {
    return PtbxlDatasetContractTest.build(PtbxlFixture.require(), "storage = mmap");
  }

  @Test
  void signalsLiveOffTheHeap() {
    assertThat(data().signals().heapBytes()).isZero();
    assertThat(data().size()).isEqualTo(1976);
  }
}
