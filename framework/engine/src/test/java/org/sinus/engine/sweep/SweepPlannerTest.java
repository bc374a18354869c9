package org.sinus.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.testing.TestPlugin;
import org.sinus.engine.testing.TestRegistries;

/** Planning a sweep: each point's experiment validated up front, identified by the hash of what it computes. */
class SweepPlannerTest {
  private static final PluginRegistry REGISTRY = TestRegistries.wire(new TestPlugin());
  private static final String BASE = """
      seed = 7
      dataset { type = "test-data", records = 20 }
      representation { type = "test-rep" }
      model { type = "test-model", filters = 32 }
      training { epochs = 3, schedule { type = "constant", lr = 0.01 } }
      """;

  @TempDir
  Path dir;

  private SweepFile sweep(String text) throws IOException {
    Files.writeString(dir.resolve("base.conf"), BASE);
    Path file = dir.resolve("sweep.conf");
    Files.writeString(file, "experiment = \"base.conf\"\n" + text);
    return new SweepLoader(REGISTRY.reference()).load(file);
  }

  private List<PlannedRun> plan(String text, String... machineSettings) throws IOException {
    return new SweepPlanner(REGISTRY).plan(sweep(text), List.of(machineSettings));
  }

  @Test
  void eachPointIsARunWithItsOverridesAndItsOwnHash() throws IOException {
    List<PlannedRun> runs = plan("grid { \"model.filters\" = [16, 64], seed = [0, 1] }");
    assertThat(runs).extracting(PlannedRun::label).containsExactly("model.filters=16, seed=0",
        "model.filters=16, seed=1", "model.filters=64, seed=0", "model.filters=64, seed=1");
    assertThat(runs).extracting(PlannedRun::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{16}"));
    assertThat(runs.get(3).experiment().config().getInt("model.filters")).isEqualTo(64);
    assertThat(runs.get(3).experiment().seed()).isEqualTo(1);
    assertThat(runs.get(3).settings()).containsExactly("model.filters=64", "seed=1");
  }

  @Test
  void theHashIgnoresMachineLocalSettingsAndWhereRunsGo() throws IOException {
    String id = plan("").get(0).id();
    assertThat(plan("", "training.threads.intra-op=4", "training.threads.inter-op=2", "training.prefetch=7",
        "output.dir=\"/elsewhere\"").get(0).id()).isEqualTo(id);
    assertThat(plan("points = [{ \"training.epochs\" = 4 }]").get(0).id()).isNotEqualTo(id);
    assertThat(plan("points = [{ \"model.filters\" = 32 }]").get(0).id())
        .as("an override that sets the base's own value is the same experiment").isEqualTo(id);
  }

  @Test
  void pointsThatResolveToTheSameExperimentAreOneRun() throws IOException {
    assertThat(plan("grid { \"model.filters\" = [32] }\npoints = [{ model.filters = 32 }, { seed = 7 }]"))
        .extracting(PlannedRun::label).containsExactly("model.filters=32");
  }

  @Test
  void crossValidationRunsEachPointOnEveryFoldThroughTheDatasetsSplit() {
    // the test dataset has no split block: every point × fold is refused, all together, and nothing runs
    ConfigException thrown = catchThrowableOfType(() -> plan("grid { seed = [0, 1] }\ncross-validation { folds = 3 }"),
        ConfigException.class);
    assertThat(thrown.problems()).extracting(p -> p.path() + " " + p.message().replaceFirst("^.*\\[", "["))
        .containsExactly("dataset.split [point seed=0, test fold 1]", "dataset.split [point seed=0, test fold 2]",
            "dataset.split [point seed=0, test fold 3]", "dataset.split [point seed=1, test fold 1]",
            "dataset.split [point seed=1, test fold 2]", "dataset.split [point seed=1, test fold 3]");
    assertThat(thrown.problems().get(1).location()).contains("--set dataset.split.test=[2]")
        .contains("--set dataset.split.validation=[3]").contains("--set dataset.split.train=[1]");
  }

  @Test
  void everyPointsProblemsAreReportedTogetherBeforeAnythingRuns() {
    ConfigException thrown = catchThrowableOfType(() -> plan("grid { \"model.filters\" = [0, 32, 5000] }"),
        ConfigException.class);
    assertThat(thrown).hasMessageContaining("Invalid sweep").hasMessageContaining("nothing was run");
    assertThat(thrown.problems()).extracting(ConfigProblem::message).hasSize(2)
        .anyMatch(m -> m.endsWith("[point model.filters=0]")).anyMatch(m -> m.endsWith("[point model.filters=5000]"));
    assertThat(thrown.problems()).extracting(ConfigProblem::location).as("where the sweep file sets the value")
        .containsOnly(dir.resolve("sweep.conf") + ":2");
  }
}
