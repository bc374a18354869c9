package org.sinus.plugins.ptbxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.data.Dataset;
import org.sinus.testkit.TestComponents;

/**
 * The plugin as an experiment sees it: found through {@link java.util.ServiceLoader}, its dataset
 * block checked key by key when built (which reads no data).
 */
class PtbxlPluginTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new PtbxlPlugin());

  @Test
  void isDiscoveredThroughServiceLoader() {
    TestComponents registry = TestComponents.discovered();
    assertThat(registry.pluginNames()).contains("ptbxl");
    assertThat(registry.types(Dataset.POINT)).contains(PtbxlPlugin.TYPE);
    assertThat(registry.find(Dataset.POINT, PtbxlPlugin.TYPE)).isPresent();
    assertThat(registry.defaults(Dataset.POINT, PtbxlPlugin.TYPE).getString("task")).isEqualTo("superdiagnostic");
    assertThat(registry.defaults(Dataset.POINT, PtbxlPlugin.TYPE).getInt("sampling-rate")).isEqualTo(100);
  }

  @Test
  void aBlockIsBuiltOverTheDefaults() {
    Path somewhere = Path.of("/data/ptb-xl");
    Dataset dataset = COMPONENTS.build(Dataset.POINT, "type = ptbxl, path = \"/data/ptb-xl\", task = rhythm");
    assertThat(dataset.describe()).isEqualTo("PTB-XL at " + somewhere.toAbsolutePath() + ", 100 Hz, task rhythm,"
        + " min-samples 0");
  }

  @Test
  void misspeltKeysAndBadValuesFailNamingTheirKeys() {
    assertThatThrownBy(() -> COMPONENTS.build(Dataset.POINT, "type = ptbxl, sampling-rte = 500"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.path()).isEqualTo("dataset.sampling-rte");
              assertThat(p.message()).contains("did you mean 'sampling-rate'?");
            }));
    assertThatThrownBy(() -> COMPONENTS.build(Dataset.POINT,
        "type = ptbxl, sampling-rate = 250, task = superdiagnostc, storage = disk, split { test = [9] }"))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).extracting(ConfigProblem::path).containsExactlyInAnyOrder(
              "dataset.sampling-rate", "dataset.task", "dataset.storage", "dataset.split.test");
          assertThat(e.problems()).allSatisfy(p -> assertThat(p.location()).contains("test block"));
        })
        .hasMessageContaining("250 Hz is not in PTB-XL")
        .hasMessageContaining("did you mean 'superdiagnostic'?")
        .hasMessageContaining("fold 9 is in both validation and test");
  }
}
