package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinus.cli.CompositionRoot;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.run.ExperimentSetup;
import org.sinus.engine.sweep.PlannedRun;
import org.sinus.engine.sweep.SweepFile;
import org.sinus.engine.sweep.SweepLoader;
import org.sinus.engine.sweep.SweepPlanner;

/**
 * Every experiment shipped in experiments/ loads and passes the pre-flight check, and so does every point of
 * every sweep in experiments/sweeps/, so examples never drift.
 */
class ShippedExperimentsTest {
  private static final PluginRegistry REGISTRY = CompositionRoot.load();

  static Stream<Path> experiments() {
    return Experiments.all().stream();
  }

  @Test
  void thereAreExperiments() {
    assertThat(Experiments.all()).extracting(p -> p.getFileName().toString())
        .contains("quickstart.conf", "ptbxl-time-resnet1d.conf");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("experiments")
  void validates(Path file) {
    Experiment experiment = new ExperimentLoader(REGISTRY).load(file, List.of());
    ExperimentSetup setup = ExperimentSetup.create(experiment, REGISTRY);
    assertThat(setup.unreadKeys()).as("keys declared by a plugin but never read").isEmpty();
    assertThat(experiment.name()).isEqualTo(file.getFileName().toString().replace(".conf", ""));
  }

  static Stream<Path> sweeps() {
    return Experiments.sweeps().stream();
  }

  @Test
  void thereAreSweeps() {
    assertThat(Experiments.sweeps()).extracting(p -> p.getFileName().toString()).contains("quickstart-grid.conf");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sweeps")
  void sweepValidates(Path file) {
    SweepFile sweep = new SweepLoader(REGISTRY.reference()).load(file);
    List<PlannedRun> runs = new SweepPlanner(REGISTRY).plan(sweep, List.of());
    assertThat(runs).hasSize(sweep.points().size() * Math.max(1, sweep.crossValidation().folds()));
  }
}
