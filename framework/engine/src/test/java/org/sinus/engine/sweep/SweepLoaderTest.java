package org.sinus.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.engine.testing.TestPlugin;
import org.sinus.engine.testing.TestRegistries;

/** Reading sweep files: the grid's product, explicit points, defaults, and every problem with its file and line. */
class SweepLoaderTest {
  private static final SweepLoader LOADER = new SweepLoader(TestRegistries.wire(new TestPlugin()).reference());

  @TempDir
  Path dir;

  @BeforeEach
  void experiment() throws IOException {
    Files.createDirectories(dir.resolve("experiments"));
    Files.writeString(dir.resolve("experiments/base.conf"), "seed = 1\n");
  }

  private SweepFile load(String text) throws IOException {
    Files.createDirectories(dir.resolve("experiments/sweeps"));
    Path file = dir.resolve("experiments/sweeps/grid.conf");
    Files.writeString(file, text);
    return LOADER.load(file);
  }

  private List<String> problems(String text) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> load(text));
    assertThat(thrown).isInstanceOf(ConfigException.class).hasMessageContaining("Invalid sweep");
    return ((ConfigException) thrown).problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void gridIsTheCartesianProductThenTheExplicitPoints() throws IOException {
    SweepFile sweep = load("""
        experiment = "../base.conf"
        grid {
          "model.filters" = [32, 64]
          seed = [0, 1]
        }
        points = [{ model { filters = 8 }, "training.epochs" = 2 }]
        """);
    assertThat(sweep.name()).isEqualTo("grid");
    assertThat(sweep.experiment()).isEqualTo(dir.resolve("experiments/base.conf").toAbsolutePath().normalize());
    assertThat(sweep.points()).extracting(SweepPoint::label).containsExactly(
        "model.filters=32, seed=0", "model.filters=32, seed=1", "model.filters=64, seed=0", "model.filters=64, seed=1",
        "model.filters=8, training.epochs=2");
    assertThat(sweep.engine()).isEqualTo(new SweepFile.EngineSettings("local", 1, "local[*]", true, 256));
    assertThat(sweep.retries()).isEqualTo(1);
    assertThat(sweep.crossValidation().enabled()).isFalse();
    assertThat(sweep.directory()).isEqualTo(Path.of("runs", "grid"));
  }

  @Test
  void withoutGridOrPointsTheBaseExperimentIsTheOnePoint() throws IOException {
    SweepFile sweep = load("experiment = \"../base.conf\"\ncross-validation { folds = 10 }\nname = cv\n");
    assertThat(sweep.points()).extracting(SweepPoint::label).containsExactly("the base experiment");
    assertThat(sweep.crossValidation().rotations()).hasSize(10);
    assertThat(sweep.name()).isEqualTo("cv");
  }

  @Test
  void everyProblemNamesItsFileAndLine() {
    String file = dir.resolve("experiments/sweeps/grid.conf").toString();
    assertThat(problems("""
        experiment = "../base.conf"
        grid { seed = 3 }
        retrys = 2
        engine { type = "spark", parallelism = 0 }
        cross-validation { folds = 2 }
        """)).containsExactlyInAnyOrder(
        file + ":2: grid.seed: must be a non-empty list of the values to try, e.g. [32, 64], not 3",
        file + ":3: retrys: unknown key; did you mean 'retries'? Known keys here: cross-validation, engine, "
            + "experiment, grid, name, output, points, retries.",
        file + ":4: engine.type: unknown engine 'spark'; known engines: local (spark needs the "
            + "sinus-spark module and Spark on the class path: spark-submit, see README \"Sweeps\")",
        file + ":4: engine.parallelism: must be at least 1, not 0",
        file + ":5: cross-validation.folds: must be 0 (none) or at least 3 (a test fold, a validation fold and the rest "
            + "to train on), not 2");
  }

  @Test
  void aMissingExperimentIsNamedWithWhereItWasLookedFor() {
    assertThat(problems("experiment = \"../nowhere.conf\"\n")).singleElement().asString()
        .contains("grid.conf:1: experiment: no experiment file " + dir.resolve("experiments/nowhere.conf"));
    assertThat(problems("grid { seed = [1] }\n")).singleElement().asString().contains("experiment: missing");
  }

  @Test
  void aPointMayChooseItsOwnBaseExperimentAndItsOverridesLeaveThatChoiceOut() throws IOException {
    Files.writeString(dir.resolve("experiments/other.conf"), "seed = 2\n");
    SweepFile sweep = load("""
        experiment = "../base.conf"
        grid {
          experiment = ["../base.conf", "../other.conf"]
          seed = [0]
        }
        points = [{ "training.epochs" = 2 }]
        """);
    assertThat(sweep.points()).extracting(SweepPoint::label).containsExactly("experiment=\"../base.conf\", seed=0",
        "experiment=\"../other.conf\", seed=0", "training.epochs=2");
    Path other = dir.resolve("experiments/other.conf").toAbsolutePath().normalize();
    assertThat(sweep.experimentOf(sweep.points().get(1).settings())).isEqualTo(other);
    assertThat(sweep.experimentOf(sweep.points().get(2).settings())).isEqualTo(sweep.experiment());
    assertThat(SweepFile.overridesOf(sweep.points().get(1).settings())).containsExactly("seed=0");
  }

  @Test
  void aPointsExperimentMustBeAFileNamedAsAString() {
    String file = dir.resolve("experiments/sweeps/grid.conf").toString();
    assertThat(problems("""
        experiment = "../base.conf"
        grid { experiment = ["../base.conf", "../gone.conf"] }
        points = [{ experiment = 3 }]
        engine { build-caches = 1, cache-task-records = 0 }
        """)).containsExactlyInAnyOrder(
        file + ":2: experiment: no experiment file " + dir.resolve("experiments/gone.conf")
            + " (the path is relative to the sweep file)",
        file + ":3: experiment: must name an experiment file (a string, relative to the sweep file), not 3",
        file + ":4: engine.build-caches: must be true or false, not 1",
        file + ":4: engine.cache-task-records: must be at least 1, not 0");
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertThat(problems("experiment = \"../base.conf\"\ngrid {\n")).singleElement().asString().contains("grid.conf:");
  }
}
