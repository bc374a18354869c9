package org.sinus.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.model.Model;
import org.sinus.api.schedule.Schedule;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.run.ExperimentSetup;
import org.sinus.engine.testing.TestPlugin;
import org.sinus.engine.testing.TestRegistries;
import org.sinus.engine.train.schedule.ConstantSchedule;

/**
 * Loading an experiment as a user meets it: defaults of the framework and of the selected types, every
 * problem (misspelt keys, unknown or malformed types, bad overrides, includes, substitutions, syntax) with
 * its file and line, and the resolved config rendered so that it loads again to the same run.
 */
class ExperimentLoaderTest {
  private static final PluginRegistry REGISTRY = TestRegistries.wire(new TestPlugin());
  private static final String VALID = """
      seed = 7
      dataset { type = "test-data", records = 20 }
      representation { type = "test-rep" }
      model {
        type = "test-model"
        filters = 32
      }
      training { epochs = 3, schedule { type = "constant", lr = 0.01 } }
      """;

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private Experiment load(String text, String... overrides) throws IOException {
    return new ExperimentLoader(REGISTRY).load(write("exp.conf", text), List.of(overrides));
  }

  private static List<String> problems(Throwable thrown) {
    return ((ConfigException) thrown).problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void validExperimentGetsDefaultsOfFrameworkAndSelectedTypes() throws IOException {
    Experiment experiment = load(VALID);
    assertThat(experiment.name()).isEqualTo("exp");
    assertThat(experiment.seed()).isEqualTo(7);
    assertThat(experiment.config().getInt("model.filters")).isEqualTo(32);
    assertThat(experiment.config().getIntList("model.kernel-sizes")).containsExactly(5, 3);
    assertThat(experiment.config().getInt("training.batch-size")).isEqualTo(128);
    assertThat(experiment.config().getDouble("training.schedule.lr")).isEqualTo(0.01);
    assertThat(experiment.config().hasPath("training.schedule.max-lr"))
        .as("one-cycle's keys do not leak into a constant schedule").isFalse();
    assertThat(experiment.type("model")).contains("test-model");
  }

  @Test
  void misspeltKeyFailsWithFileLineAndSuggestion() throws IOException {
    String text = VALID.replace("filters = 32", "fitlers = 32");
    assertThatThrownBy(() -> load(text))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .contains("exp.conf:6: model.fitlers: unknown key; did you mean 'filters'?")
            .contains("Known keys here: dropout, filters, head, kernel-sizes, type"));
  }

  @Test
  void misspeltNestedAndTopLevelKeysAreAllReported() throws IOException {
    String text = VALID + """
        trainig { epochs = 2 }
        model.head.unit = 4
        """;
    assertThatThrownBy(() -> load(text))
        .satisfies(e -> assertThat(problems(e)).hasSize(2)
            .anySatisfy(p -> assertThat(p).contains("exp.conf:9: trainig: unknown key; did you mean 'training'?"))
            .anySatisfy(p -> assertThat(p).contains("exp.conf:10: model.head.unit: unknown key; did you mean 'units'?")));
  }

  @Test
  void unknownTypeListsTheKnownOnes() throws IOException {
    String text = VALID.replace("type = \"test-model\"", "type = \"test-modle\"");
    assertThatThrownBy(() -> load(text))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .contains("exp.conf:5: model.type: unknown model type 'test-modle'; did you mean 'test-model'?")
            .contains("Known model types: test-model, test-pair."));
  }

  @Test
  void missingBlockAndMissingTypeAreReported() throws IOException {
    String text = """
        dataset { records = 3 }
        representation { type = "test-rep" }
        """;
    assertThatThrownBy(() -> load(text))
        .satisfies(e -> assertThat(problems(e))
            .anySatisfy(p -> assertThat(p).contains("dataset.type: missing").contains("Known dataset types: test-data"))
            .anySatisfy(p -> assertThat(p).contains("model: missing block")));
  }

  @Test
  void wrongValueTypeFailsWithItsLine() throws IOException {
    // HOCON lets strings stand for numbers, so the type is checked when the model reads the key
    Experiment experiment = load(VALID.replace("filters = 32", "filters = \"many\""));
    assertThatThrownBy(() -> ExperimentSetup.create(experiment, REGISTRY))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .isEqualTo(dir.resolve("exp.conf") + ":6: model.filters: must be a whole number, not the string \"many\""));
    assertThatThrownBy(() -> load(VALID.replace("filters = 32", "filters = [1, 2]")))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .isEqualTo(dir.resolve("exp.conf") + ":6: model.filters: must be a number, not the list [1,2]"));
  }

  @Test
  void outOfRangeValuesFailInThePreflightWithAllProblemsTogether() throws IOException {
    String text = VALID.replace("filters = 32", "filters = 0\n  dropout = 1.5").replace("epochs = 3", "epochs = -1");
    Experiment experiment = load(text);
    assertThatThrownBy(() -> ExperimentSetup.create(experiment, REGISTRY))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(problems(e)).hasSize(3)
            .anySatisfy(p -> assertThat(p).contains("exp.conf:6: model.filters: 0 is out of range; allowed: [1, 4096]"))
            .anySatisfy(p -> assertThat(p).contains("exp.conf:7: model.dropout: 1.5 is out of range"))
            .anySatisfy(p -> assertThat(p).contains("training.epochs: -1 is out of range")));
  }

  @Test
  void overridesWinAndUnknownOverrideKeysNameTheOption() throws IOException {
    Experiment experiment = load(VALID, "model.filters=64", "training.crop.length=5s");
    assertThat(experiment.config().getInt("model.filters")).isEqualTo(64);
    assertThat(experiment.config().getDuration("training.crop.length").toMillis()).isEqualTo(5000);
    assertThatThrownBy(() -> load(VALID, "model.filtres=64"))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .contains("--set model.filtres=64").contains("did you mean 'filters'?"));
  }

  @Test
  void includesSubstitutionsAndEnvironmentVariablesResolve() throws IOException {
    write("base.conf", """
        dataset { type = "test-data", records = 20 }
        representation { type = "test-rep" }
        model { type = "test-model" }
        """);
    Experiment experiment = load("""
        include "base.conf"
        name = "derived"
        description = ${name}" run"
        model.filters = 16
        model.head.units = ${model.filters}
        dataset.records = 11
        dataset.records = ${?SINUS_SURELY_UNSET_VARIABLE}
        output.dir = ${?HOME}
        """);
    assertThat(experiment.config().getString("description")).isEqualTo("derived run");
    assertThat(experiment.config().getInt("model.head.units")).isEqualTo(16);
    assertThat(experiment.config().getInt("dataset.records")).isEqualTo(11);
    assertThat(experiment.config().getString("output.dir")).isEqualTo(System.getenv("HOME"));
  }

  @Test
  void aBlockReplacedAfterNullStillGetsItsTypesDefaults() throws IOException {
    write("base.conf", VALID);
    Experiment experiment = load("""
        include "base.conf"
        model = null
        model { type = "test-model", dropout = 0.1 }
        """);
    assertThat(experiment.config().getInt("model.filters")).as("default, not the included 32").isEqualTo(8);
    assertThat(experiment.config().getDouble("model.dropout")).isEqualTo(0.1);
    assertThat(experiment.config().getInt("model.head.units")).isEqualTo(16);
  }

  @Test
  void unresolvedSubstitutionIsAProblemWithItsLine() throws IOException {
    assertThatThrownBy(() -> load(VALID + "description = ${nowhere}\n"))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .contains("exp.conf:9").contains("${nowhere}"));
  }

  @Test
  void syntaxErrorNamesFileAndLine() throws IOException {
    assertThatThrownBy(() -> load(VALID + "model { filters = \n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("exp.conf:");
  }

  @Test
  void renderedConfigLoadsAgainToTheSameConfig() throws IOException {
    Experiment experiment = load(VALID, "model.filters=64");
    Path rendered = write("resolved.conf", experiment.render());
    Experiment again = new ExperimentLoader(REGISTRY).load(rendered, List.of());
    assertThat(again.config().root().unwrapped()).isEqualTo(experiment.config().root().unwrapped());
  }

  @Test
  void everyDeclaredKeyIsRead() throws IOException {
    ExperimentSetup setup = ExperimentSetup.create(load(VALID), REGISTRY);
    assertThat(setup.unreadKeys()).isEmpty();
  }

  private static final String PAIR = """
      dataset { type = "test-data" }
      model {
        type = "test-pair"
        inner { type = "test-model", filters = 4 }
        parts {
          first { representation { type = "test-rep", scale = 2 } }
          second { representation { type = "test-rep" } }
        }
      }
      """;

  @Test
  void componentsBuildNestedComponentsByTypeWithTheirDefaults() throws IOException {
    ExperimentSetup setup = ExperimentSetup.create(load(PAIR), REGISTRY);
    TestPlugin.PairModel pair = (TestPlugin.PairModel) setup.model();
    assertThat(((TestPlugin.SettingsModel) pair.inner()).settings().filters()).isEqualTo(4);
    assertThat(((TestPlugin.SettingsModel) pair.inner()).settings().headUnits()).as("test-model's default").isEqualTo(16);
    assertThat(pair.parts()).containsOnlyKeys("first", "second");
    assertThat(((TestPlugin.ScaledRepresentation) pair.parts().get("first")).scale()).isEqualTo(2);
    assertThat(((TestPlugin.ScaledRepresentation) pair.parts().get("second")).scale()).isEqualTo(1);
    assertThat(setup.components()).containsKeys("model", "model.inner", "model.parts.first.representation");
    assertThat(setup.unreadKeys()).isEmpty();
    assertThat(setup.inputs()).containsOnlyKeys("first", "second");
    // the resolved experiment writes the nested defaults out, and loads again to the same setup
    String rendered = setup.experiment().render();
    assertThat(setup.experiment().config().getInt("model.inner.head.units")).isEqualTo(16);
    assertThat(setup.experiment().config().getDouble("model.parts.second.representation.scale")).isEqualTo(1.0);
    Experiment again = new ExperimentLoader(REGISTRY).load(write("again.conf", rendered), List.of());
    assertThat(ExperimentSetup.create(again, REGISTRY).experiment().config().root().unwrapped())
        .isEqualTo(setup.experiment().config().root().unwrapped());
  }

  @Test
  void aModelWithItsOwnRepresentationsTakesNoTopLevelOneAndOthersNeedIt() throws IOException {
    Experiment both = load(PAIR + "representation { type = \"test-rep\" }\n");
    assertThatThrownBy(() -> ExperimentSetup.create(both, REGISTRY))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .contains("representation: the test-pair model (" + dir.resolve("exp.conf") + ":3) brings its own "
                + "representations [first, second]; remove this block"));
    Experiment none = load(VALID.replace("representation { type = \"test-rep\" }", ""));
    assertThatThrownBy(() -> ExperimentSetup.create(none, REGISTRY))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .contains("representation: missing block").contains("Known representation types: test-rep."));
  }

  @Test
  void nestedBlocksAreCheckedAsStrictlyAsTopLevelOnes() throws IOException {
    Experiment typo = load(PAIR.replace("filters = 4", "filtres = 4"));
    assertThatThrownBy(() -> ExperimentSetup.create(typo, REGISTRY))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .startsWith(dir.resolve("exp.conf") + ":4: model.inner.filtres: unknown key; did you mean 'filters'?"));
    Experiment unknownType = load(PAIR.replace("second { representation { type = \"test-rep\"",
        "second { representation { type = \"test-repp\""));
    assertThatThrownBy(() -> ExperimentSetup.create(unknownType, REGISTRY))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .startsWith(dir.resolve("exp.conf") + ":7: model.parts.second.representation.type: unknown representation type"
                + " 'test-repp'; did you mean 'test-rep'?")
            .contains("Known representation types: test-rep."));
    Experiment strayKey = load(PAIR.replace("second { representation", "second { weight = 3, representation"));
    assertThatThrownBy(() -> ExperimentSetup.create(strayKey, REGISTRY))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .isEqualTo(dir.resolve("exp.conf") + ":7: model.parts.second.weight: unknown key."
                + " Known keys here: representation."));
    Experiment badValue = load(PAIR.replace("scale = 2", "scale = 20"));
    assertThatThrownBy(() -> ExperimentSetup.create(badValue, REGISTRY))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .contains("exp.conf:6: model.parts.first.representation.scale: 20 is out of range"));
  }

  @Test
  void includesAreFoundNextToTheIncludingFileThroughEveryPathForm() throws IOException {
    Path base = write("base.conf", VALID);
    Path child = write("child.conf", "include \"base.conf\"\nmodel.filters = 12\n");
    Path link = Files.createDirectories(dir.resolve("elsewhere")).resolve("link.conf");
    Files.createSymbolicLink(link, child);
    // a file in the working directory, named without a directory (the form `cd experiments && sinus validate x.conf`)
    Path here = Path.of("").toAbsolutePath();
    String name = "sinus-include-test-" + ProcessHandle.current().pid();
    Path local = here.resolve(name + ".conf");
    Path localBase = here.resolve(name + "-base.conf");
    try {
      Files.writeString(localBase, VALID);
      Files.writeString(local, "include \"" + name + "-base.conf\"\nmodel.filters = 12\n");
      List<Path> forms = List.of(child, here.relativize(child), Path.of(".").resolve(here.relativize(child)), link,
          Path.of(name + ".conf"), Path.of("./" + name + ".conf"));
      for (Path form : forms) {
        Experiment experiment = new ExperimentLoader(REGISTRY).load(form, List.of());
        assertThat(experiment.config().getInt("model.filters")).as("loaded through %s", form).isEqualTo(12);
        assertThat(experiment.config().getInt("seed")).as("included through %s", form).isEqualTo(7);
      }
    } finally {
      Files.deleteIfExists(local);
      Files.deleteIfExists(localBase);
    }
    assertThat(base).exists();
  }

  @Test
  void aMissingIncludeNamesTheFileItLookedFor() throws IOException {
    Path file = write("broken.conf", "include \"nowhere.conf\"\n" + VALID);
    assertThatThrownBy(() -> new ExperimentLoader(REGISTRY).load(file, List.of()))
        .satisfies(e -> assertThat(problems(e)).anySatisfy(p -> assertThat(p)
            .contains("include \"" + dir.resolve("nowhere.conf") + "\": no such file")));
  }

  @Test
  void durationsNeedAUnitAndWholeNumbersNoFraction() throws IOException {
    Experiment experiment = load(VALID, "training.crop.length=2.5", "training.epochs=2.5", "model.kernel-sizes=[5, 3.5]");
    assertThatThrownBy(() -> ExperimentSetup.create(experiment, REGISTRY))
        .satisfies(e -> assertThat(problems(e)).containsExactlyInAnyOrder(
            "--set training.crop.length=2.5: training.crop.length: 2.5 has no unit; write a duration such as 2.5s or 250ms",
            "--set training.epochs=2.5: training.epochs: 2.5 is not a whole number",
            "--set model.kernel-sizes=[5, 3.5]: model.kernel-sizes: 3.5 is not a whole number; every value must be"));
  }

  @Test
  void malformedTypedBlocksAreNamedEachInItsOwnWords() throws IOException {
    assertThatThrownBy(() -> load(VALID.replace("model {", "model = 3\nmodelx {")))
        .satisfies(e -> assertThat(problems(e)).hasSize(3)
            .anySatisfy(p -> assertThat(p).contains("modelx: unknown key"))
            .anySatisfy(p -> assertThat(p).contains("model: unknown key"))
            .anySatisfy(p -> assertThat(p)
                .contains("model: must be a block such as model { type = \"...\" }, not a number. Known model types:")));
    assertThatThrownBy(() -> load(VALID.replace("type = \"test-model\"", "type = 3")))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .isEqualTo(dir.resolve("exp.conf") + ":5: model.type: must be a string. Known model types: test-model, test-pair."));
    assertThatThrownBy(() -> load(VALID.replace("type = \"test-data\", ", "")))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString().contains("dataset.type: missing; every dataset "
            + "block selects its implementation with type = \"...\". Known dataset types: test-data."));
    assertThatThrownBy(() -> load(VALID.replace("type = \"test-model\"", "type = \"test-modle\"")))
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .endsWith("Plugins on the class path: " + new TestPlugin().name() + "."));
  }

  @Test
  void anOverrideWithoutKeyOrEqualsSignIsRefusedWithTheForm() throws IOException {
    for (String override : List.of("model.filters", "=64")) {
      assertThatThrownBy(() -> load(VALID, override))
          .satisfies(e -> assertThat(problems(e)).singleElement().asString().isEqualTo("--set " + override + ": "
              + override + ": an override is written key=value, e.g. --set model.filters=64"));
    }
    // a syntax error in the file is reported as such, overrides or not
    assertThatThrownBy(() -> load(VALID + "model { filters = \n", "model.filters=3"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement()
            .satisfies(p -> assertThat(p.path()).isEqualTo("(syntax)")));
  }

  @Test
  void anUnresolvedSubstitutionIsFiledUnderItsOwnName() throws IOException {
    assertThatThrownBy(() -> load(VALID + "description = ${training.nowhere}\"!\"\n"))
        .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement()
            .satisfies(p -> assertThat(p.path()).isEqualTo("${training.nowhere}")));
  }

  @Test
  void aMissingIncludeWithoutExtensionSaysBothNamesItTried() throws IOException {
    Path file = write("broken.conf", "include \"nowhere\"\n" + VALID);
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> new ExperimentLoader(REGISTRY).load(file, List.of()))
        .satisfies(e -> assertThat(problems(e)).contains(file + ": include: include \"" + missing + "\": no such file "
            + "(looked for " + missing + " and " + missing + ".conf)"));
  }

  @Test
  void theRenderedHeaderSaysWhereTheRunCameFromAndWhichMachineLocalKeysTookDefaults() throws IOException {
    Experiment experiment = load(VALID, "model.filters=64", "training.epochs=2");
    assertThat(experiment.file()).contains(dir.resolve("exp.conf"));
    assertThat(experiment.overrides()).containsExactly("model.filters=64", "training.epochs=2");
    assertThat(experiment.render()).startsWith("# Fully resolved Sinus experiment, from " + dir.resolve("exp.conf")
        + ", with --set model.filters=64 --set training.epochs=2" + System.lineSeparator() + "dataset {");
    Experiment run = experiment.forRun(Map.of("training.threads.loader", 1, "output.dir", "/data/runs"),
        Set.of("training.threads.loader"));
    assertThat(run.has("training.threads.loader")).isFalse();
    assertThat(run.has("training.threads.intra-op")).isTrue();
    assertThat(run.config().getString("output.dir")).isEqualTo("/data/runs");
    assertThat(run.block("training", new ProblemCollector()).getInt("epochs", 1, 10)).isEqualTo(2);
    assertThat(run.render()).contains(System.lineSeparator() + "# Machine-local settings left at their defaults, "
        + "resolved again where the run is resumed or evaluated (give others with --set):" + System.lineSeparator()
        + "#   training.threads.loader = 1" + System.lineSeparator());
    Experiment text = new ExperimentLoader(REGISTRY).loadString(VALID, "inline.conf", List.of());
    assertThat(text.name()).isEqualTo("inline");
    assertThat(text.file()).isEmpty();
    assertThat(text.render()).startsWith("# Fully resolved Sinus experiment" + System.lineSeparator());
  }

  @Test
  void oneComponentIsBuiltWithTheSameDefaultsAndChecksAsInAnExperiment() {
    Schedule schedule = ComponentBlocks.buildOne(REGISTRY, Schedule.POINT, "schedule",
        ConfigFactory.parseString("type = \"constant\", lr = 0.02"));
    assertThat(schedule).isEqualTo(new ConstantSchedule(0.02));
    assertThatThrownBy(() -> ComponentBlocks.buildOne(REGISTRY, Schedule.POINT, "schedule",
        ConfigFactory.parseString("type = \"constant\", rl = 0.02", ConfigParseOptions.defaults().setOriginDescription("--set"))))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(problems(e)).singleElement().asString()
            .isEqualTo("--set: schedule.rl: unknown key; did you mean 'lr'? Known keys here: lr, type."));
  }

  @Test
  void oneComponentsUnreadKeysAreReportedToo() {
    // parts is an open block: its entries are not in any reference.conf, so only what the model reads is known
    assertThatThrownBy(() -> ComponentBlocks.buildOne(REGISTRY, Model.POINT, "model",
        ConfigFactory.parseString("""
            type = "test-pair"
            inner { type = "test-model" }
            parts { first { weight = 3, representation { type = "test-rep" } } }
            """, ConfigParseOptions.defaults().setOriginDescription("--set"))))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(problems(e)).containsExactly(
            "--set: model.parts.first.weight: unknown key. Known keys here: representation."));
  }

  @Test
  void onlyValuesFromAReferenceConfCountAsDefaults() throws IOException {
    assertThat(ComponentBlocks.fromDefaults(null)).isFalse();
    assertThat(ComponentBlocks.fromDefaults(ConfigFactory.parseResources(
        ExperimentLoaderTest.class.getClassLoader(), "reference.conf").getValue("sinus.experiment.seed").origin())).isTrue();
    assertThat(ComponentBlocks.fromDefaults(ConfigOriginFactory.newURL(
        new URL("jar:file:/plugins/sinus-plugin-time.jar!/reference.conf")))).isTrue();
    assertThat(ComponentBlocks.fromDefaults(ConfigOriginFactory.newURL(dir.resolve("exp.conf").toUri().toURL()))).isFalse();
    assertThat(ComponentBlocks.fromDefaults(ConfigOriginFactory.newSimple("--set model.filters=3"))).isFalse();
  }
}
