package org.sinus.plugins.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.util.Progress;
import org.sinus.testkit.TestComponents;

/**
 * The plugin as an experiment sees it: found through {@link java.util.ServiceLoader}, its dataset
 * built from a config block over its reference.conf defaults, with misspelt keys and bad values
 * reported by key.
 */
class SyntheticPluginTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new SyntheticPlugin());

  @TempDir
  Path cache;

  @Test
  void isDiscoveredThroughServiceLoader() {
    TestComponents registry = TestComponents.discovered();
    assertThat(registry.pluginNames()).contains("synthetic");
    assertThat(registry.types(Dataset.POINT)).contains("synthetic");
    assertThat(registry.find(Dataset.POINT, "synthetic")).get().isInstanceOf(SyntheticDatasetFactory.class);
    assertThat(registry.hasDefaults(Dataset.POINT, "synthetic")).isTrue();
    assertThat(registry.defaults(Dataset.POINT, "synthetic").getInt("records")).isEqualTo(2000);
  }

  @Test
  void aDatasetBlockIsBuiltOverTheDefaultsAndLoads() {
    Dataset dataset = COMPONENTS.build(Dataset.POINT,
        "type = synthetic, records = 30, duration = 5s, seed = 5, strength { st-elevation-mv = 0.2 }");
    assertThat(dataset).isInstanceOf(SyntheticDataset.class);
    assertThat(dataset.describe()).contains("records=30", "seed=5", "st-elevation-mv=0.2", "samples=500",
        "q-wave-mv=0.1", "sampling-rate=100 Hz");

    try (EcgDataset data = dataset.load(new DataContext(cache, 2, Progress.NONE))) {
      assertThat(data.size()).isEqualTo(30);
      assertThat(data.samples()).isEqualTo(500);
      assertThat(data.source()).isEqualTo(dataset.describe());
    }
  }

  @Test
  void misspeltKeysFailWithASuggestion() {
    assertThatThrownBy(() -> COMPONENTS.build(Dataset.POINT, "type = synthetic, recrods = 5"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.path()).isEqualTo("dataset.recrods");
              assertThat(p.message()).contains("unknown key", "did you mean 'records'?");
            }));
    // nested blocks are checked key by key too
    assertThatThrownBy(() -> COMPONENTS.build(Dataset.POINT, "type = synthetic, noise { gausian-mv = 0.1 }"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .extracting(ConfigProblem::path).containsExactly("dataset.noise.gausian-mv"))
        .hasMessageContaining("did you mean 'gaussian-mv'?");
  }

  @Test
  void badValuesFailNamingTheirKeysAndWhereTheyWereWritten() {
    assertThatThrownBy(() -> COMPONENTS.build(Dataset.POINT, "type = synthetic, records = 0"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.path()).isEqualTo("dataset.records");
              assertThat(p.location()).contains("test block");
              assertThat(p.message()).contains("0", "out of range", "[1, 1000000]");
            }));
    // every problem of a block is reported at once
    assertThatThrownBy(() -> COMPONENTS.build(Dataset.POINT,
        "type = synthetic, sampling-rate = 20000, heart-rate { min = 90, max = 60 }"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .extracting(ConfigProblem::path)
            .containsExactlyInAnyOrder("dataset.sampling-rate", "dataset.heart-rate.max"));
  }

  @Test
  void anUnknownTypeIsReportedWithTheKnownOnes() {
    assertThatThrownBy(() -> COMPONENTS.build(Dataset.POINT, "type = synthetik"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("synthetik").hasMessageContaining("did you mean 'synthetic'?");
  }
}
