package org.example.sinus.derivative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ConfigException;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.testkit.Fitting;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestDatasets;

class DerivativeTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new DerivativePlugin());

  @TempDir
  Path cache;

  /** Ramps: lead l of record r rises by (l + 1) mV per sample, plus r. */
  private static EcgDataset ramps() {
    float[][] signals = new float[20][];
    List<RecordInfo> records = new ArrayList<>();
    for (int r = 0; r < signals.length; r++) {
      signals[r] = new float[100 * 12];
      for (int t = 0; t < 100; t++) {
        for (int lead = 0; lead < 12; lead++) {
          signals[r][t * 12 + lead] = r + (lead + 1) * t;
        }
      }
      records.add(new RecordInfo("r" + r, r % 10 + 1, new int[] {0}));
    }
    return TestDatasets.of("ramps", signals, 100, 100, records);
  }

  @Test
  void theDerivativeOfARampIsItsSlope() {
    Representation unstandardized = COMPONENTS.build(Representation.POINT,
        "type = derivative, standardize = none, per-second = false");
    EcgDataset data = ramps();
    FittedRepresentation fitted = Fitting.fit(unstandardized, data, 50, TestDatasets.context(cache));
    float[] out = new float[fitted.shape().size()];
    fitted.encode(RecordWindow.of(data.signals().read(3), 10, 50), out, 0);
    assertThat(out[0]).isEqualTo(1f);
    assertThat(out[11]).isEqualTo(12f);
    assertThat(out[49 * 12 + 5]).isEqualTo(6f);
  }

  @Test
  void perSecondScalesBySamplingRateAndStandardizingRemovesTheSlope() {
    EcgDataset data = ramps();
    FittedRepresentation perSecond = Fitting.fit(COMPONENTS.build(Representation.POINT,
        "type = derivative, standardize = none"), data, 50, TestDatasets.context(cache));
    float[] out = new float[perSecond.shape().size()];
    perSecond.encode(RecordWindow.of(data.signals().read(0), 0, 50), out, 0);
    assertThat(out[2]).as("3 mV per sample at 100 Hz").isCloseTo(300f, within(1e-3f));
    FittedRepresentation standardized = Fitting.fit(COMPONENTS.build(Representation.POINT, "type = derivative"), data,
        50, TestDatasets.context(cache));
    assertThat((double[]) standardized.state().get("mean")).containsExactly(new double[] {100, 200, 300, 400, 500, 600,
        700, 800, 900, 1000, 1100, 1200}, within(1e-9));
  }

  @Test
  void aStepAsLongAsTheWindowIsAConfigurationErrorNamingTheKey() {
    Representation representation = COMPONENTS.build(Representation.POINT, "type = derivative, step = 60");
    assertThatThrownBy(() -> Fitting.fit(representation, ramps(), 50, TestDatasets.context(cache)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("representation.step")
        .hasMessageContaining("not shorter than the 50-sample window");
  }
}
