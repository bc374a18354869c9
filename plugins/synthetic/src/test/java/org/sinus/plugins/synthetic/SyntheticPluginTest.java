package org.sinus.plugins.synthetic;

import org.sinus.api.plugin.ComponentFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ComponentConfig;
import org.sinus.api.config.ConfigException;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.explain.Explainer;
import org.sinus.api.model.Model;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.cli.CompositionRoot;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.api.representation.Representation;
import org.sinus.api.util.Progress;

class SyntheticPluginTest {
  @TempDir
  Path cache;

  @Test
  void isDiscoveredThroughServiceLoader() {
    PluginRegistry registry = CompositionRoot.load();
    assertThat(registry.pluginNames()).contains("synthetic");
    assertThat(registry.types(Dataset.POINT)).contains("synthetic");
    assertThat(registry.find(Dataset.POINT, "synthetic")).get().isInstanceOf(SyntheticDatasetFactory.class);
    assertThat(registry.hasDefaults(Dataset.POINT, "synthetic")).isTrue();
    assertThat(registry.defaults(Dataset.POINT, "synthetic").getInt("records")).isEqualTo(2000);
  }

  @Test
  void anExperimentUsingItLoadsAndItsDatasetBlockIsReadCompletely() {
    ExperimentLoader loader = new ExperimentLoader(registry());
    Experiment experiment = loader.loadString("""
        dataset { type = "synthetic", records = 30, duration = 5s, strength { st-elevation-mv = 0.2 } }
        representation { type = "stub" }
        model { type = "stub" }
        explain { type = "stub" }
        """, "quickstart.conf", List.of("dataset.seed=5"));
    assertThat(experiment.type("dataset")).contains("synthetic");

    ProblemCollector problems = new ProblemCollector();
    ComponentConfig block = experiment.block("dataset", problems);
    assertThat(block.type()).contains("synthetic");
    ComponentFactory<Dataset> factory = registry().find(Dataset.POINT, "synthetic").orElseThrow();
    Dataset dataset = factory.create(block);
    problems.throwIfAny();
    assertThat(block.unreadKeys()).isEmpty();
    assertThat(dataset.describe()).contains("records=30", "seed=5", "st-elevation-mv=0.2", "samples=500");

    EcgDataset data = dataset.load(new DataContext(cache, 2, Progress.NONE));
    assertThat(data.size()).isEqualTo(30);
    assertThat(data.samples()).isEqualTo(500);
  }

  @Test
  void misspelledKeysAreCaughtByTheLoaderAndBadValuesByTheFactory() {
    ExperimentLoader loader = new ExperimentLoader(registry());
    String experiment = "dataset { type = \"synthetic\" }\nrepresentation { type = \"stub\" }\nmodel { type = \"stub\" }\n"
        + "explain { type = \"stub\" }\n";
    assertThatThrownBy(() -> loader.loadString(experiment, "typo.conf", List.of("dataset.recrods=5")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("dataset.recrods").hasMessageContaining("records");

    Experiment loaded = loader.loadString(experiment, "zero.conf", List.of("dataset.records=0"));
    ProblemCollector problems = new ProblemCollector();
    new SyntheticDatasetFactory().create(loaded.block("dataset", problems));
    assertThat(problems.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("dataset.records");
      assertThat(p.location()).contains("--set dataset.records=0");
    });
  }

  private static PluginRegistry registry() {
    return CompositionRoot.wire(List.of(new SyntheticPlugin(), new StubComponents()), SyntheticPluginTest.class.getClassLoader());
  }

  /**
   * A representation, a model and an explainer that an experiment can name, never built: the
   * loader only needs the types. (The explain block is there because the framework's loader, as of
   * this writing, rejects an experiment without one: "No setting at 'explain', expecting: object".)
   */
  static final class StubComponents extends AbstractModule implements SinusPlugin {
    @Override
    public String name() {
      return "test-stubs";
    }

    @Override
    protected void configure() {
      Representation.POINT.bind(binder()).addBinding("stub").toInstance(new ComponentFactory<Representation>() {
        @Override
        public String description() {
          return "test stub";
        }

        @Override
        public Representation create(ComponentConfig config) {
          throw new UnsupportedOperationException("test stub");
        }
      });
      Explainer.POINT.bind(binder()).addBinding("stub").toInstance(new ComponentFactory<Explainer>() {
        @Override
        public String description() {
          return "test stub";
        }

        @Override
        public Explainer create(ComponentConfig config) {
          throw new UnsupportedOperationException("test stub");
        }
      });
      Model.POINT.bind(binder()).addBinding("stub").toInstance(new ComponentFactory<Model>() {
        @Override
        public String description() {
          return "test stub";
        }

        @Override
        public Model create(ComponentConfig config) {
          throw new UnsupportedOperationException("test stub");
        }
      });
    }
  }
}
