package org.sinus.plugins.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.plugin.ComponentConfig;

class SyntheticSettingsTest {

  @Test
  void defaultsAreValidAndEveryDeclaredKeyIsRead() {
    ComponentConfig block = Configs.block("");
    new SyntheticDatasetFactory().create(block);
    assertThat(block.problems().problems()).isEmpty();
    assertThat(block.unreadKeys()).isEmpty();

    SyntheticSettings settings = SyntheticSettings.read(Configs.block(""));
    assertThat(settings.records()).isEqualTo(2000);
    assertThat(settings.generator().samplingRate()).isEqualTo(100);
    assertThat(settings.generator().samples()).isEqualTo(1000);
    assertThat(settings.split().toString()).isEqualTo("train [1, 2, 3, 4, 5, 6, 7, 8], validation [9], test [10]");
  }

  @Test
  void badSettingsAreAllReportedWithTheirKeys() {
    ComponentConfig block = Configs.block("""
        records = 0
        sampling-rate = 0
        duration = soon
        heart-rate { min = 90, max = 60 }
        noise { powerline-mv = 0.05 }
        strength { qrs-widening = 0.5 }
        split { test = [11] }
        """);
    new SyntheticDatasetFactory().create(block);
    List<ConfigProblem> problems = block.problems().problems();
    assertThat(problems).extracting(ConfigProblem::path).containsExactlyInAnyOrder(
        "dataset.records", "dataset.sampling-rate", "dataset.duration", "dataset.heart-rate.max",
        "dataset.noise.powerline-hz", "dataset.strength.qrs-widening", "dataset.split.test");
    assertThat(message(problems, "dataset.records")).contains("0", "out of range", "[1, 1000000]");
    assertThat(message(problems, "dataset.heart-rate.max")).contains("60", "below", "90");
    assertThat(message(problems, "dataset.noise.powerline-hz")).contains("50", "Nyquist", "sampling-rate");
    assertThat(message(problems, "dataset.split.test")).contains("fold 11", "1..10");
  }

  @Test
  void describeIsStableAndNamesEverySetting() {
    String a = SyntheticSettings.read(Configs.block("")).describe();
    assertThat(SyntheticSettings.read(Configs.block("")).describe()).isEqualTo(a);
    assertThat(a).contains("records=2000", "sampling-rate=100 Hz", "samples=1000", "seed=1", "norm-fraction=0.4",
        "max-abnormal-classes=2", "st-elevation-mv=0.1", "voltage-factor=1.35", "heart-rate{min=50.0, max=100.0",
        "axis-sd=10.0", "gaussian-mv=0.03", "powerline-hz=50.0", "train [1, 2, 3, 4, 5, 6, 7, 8]", "generator v");
    for (String change : new String[] {"seed = 2", "records = 10", "duration = 5s", "strength.t-inversion = 0.5",
        "morphology.lead-gain-sd = 0", "noise.baseline-wander-mv = 0", "heart-rate.std = 1", "split.test = [9, 10], split.validation = []"}) {
      assertThat(SyntheticSettings.read(Configs.block(change)).describe()).as(change).isNotEqualTo(a);
    }
  }

  private static String message(List<ConfigProblem> problems, String path) {
    return problems.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().message();
  }
}
