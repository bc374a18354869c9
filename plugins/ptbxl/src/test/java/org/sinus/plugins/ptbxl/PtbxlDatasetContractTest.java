package org.sinus.plugins.ptbxl;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigUtil;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sinus.api.data.Dataset;
import org.sinus.testkit.DatasetContract;
import org.sinus.testkit.PtbxlFixture;
import org.sinus.testkit.RequiresPtbxl;
import org.sinus.testkit.TestComponents;

/**
 * What every dataset promises, for the real PTB-XL subset at 100 Hz (superdiagnostic task), built
 * from config as an experiment does. Skipped without the data, failed instead with
 * {@code -Dsinus.requireData=true}.
 */
@RequiresPtbxl
class PtbxlDatasetContractTest extends DatasetContract {

  @Override
  protected Dataset dataset() {
    return build(PtbxlFixture.require(), "");
  }

  /** The {@code ptbxl} dataset at {@code path}, with the given keys over the defaults, read on two threads. */
  static Dataset build(Path path, String overrides) {
    return TestComponents.of(new PtbxlPlugin()).build(Dataset.POINT, "type = ptbxl, threads = 2, path = "
        + ConfigUtil.quoteString(path.toString()) + (overrides.isEmpty() ? "" : ", " + overrides));
  }

  @Test
  void readsTheWholeSubsetAsTheBenchmarkLabelsIt() {
    assertThat(data().name()).isEqualTo("ptbxl");
    assertThat(data().size()).isEqualTo(1976);
    assertThat(data().samples()).isEqualTo(1000);
    assertThat(data().samplingRate()).isEqualTo(100);
    assertThat(data().labels().multiLabel()).isTrue();
    assertThat(data().labels().classes()).containsExactly("CD", "HYP", "MI", "NORM", "STTC");
    assertThat(data().source()).contains(PtbxlFixture.require().toString(), "100 Hz", "superdiagnostic");
    assertThat(data().signals().heapBytes()).as("100 Hz signals of the subset stay on the heap").isPositive();
  }
}
