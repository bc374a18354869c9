package org.sinus.engine.testing;

import com.google.inject.AbstractModule;
import com.typesafe.config.Config;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.nn.Network;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.Representation;

/**
 * Test-only types whose factories read their settings like real plugins do, so that config
 * loading and validation can be tested inside the framework module. Their components are not
 * meant to run.
 */
public final class TestPlugin extends AbstractModule implements SinusPlugin {

  /** Settings read by the test model; what a real model would keep. */
  public record TestModelSettings(int filters, List<Integer> kernelSizes, double dropout, int headUnits) {}

  @Override
  public String name() {
    return "test";
  }

  @Override
  protected void configure() {
    Dataset.POINT.bind(binder()).addBinding("test-data").toInstance(new ComponentFactory<Dataset>() {
      @Override
      public String description() {
        return "test dataset";
      }

      @Override
      public Dataset create(ComponentConfig config) {
        int records = config.getInt("records", 1, 1000);
        return new Dataset() {
          @Override
          public EcgDataset load(DataContext context) {
            throw new UnsupportedOperationException("test dataset of " + records + " records is not loadable");
          }

          @Override
          public String describe() {
            return "test-data " + records;
          }
        };
      }
    });
    Representation.POINT.bind(binder()).addBinding("test-rep").toInstance(new ComponentFactory<Representation>() {
      @Override
      public String description() {
        return "test representation";
      }

      @Override
      public Representation create(ComponentConfig config) {
        double scale = config.getDouble("scale", 0, 10);
        return new ScaledRepresentation(scale);
      }
    });
    Model.POINT.bind(binder()).addBinding("test-model").toInstance(new ComponentFactory<Model>() {
      @Override
      public String description() {
        return "test model";
      }

      @Override
      public Model create(ComponentConfig config) {
        TestModelSettings settings = new TestModelSettings(
            config.getInt("filters", 1, 4096),
            config.getIntList("kernel-sizes", 1, 99),
            config.getDouble("dropout", 0, 0.99),
            config.child("head").getInt("units", 1, 4096));
        return new SettingsModel(settings);
      }
    });
    Model.POINT.bind(binder()).addBinding("test-pair").toInstance(new ComponentFactory<Model>() {
      @Override
      public String description() {
        return "test model built of an inner model and named parts, each with its own representation";
      }

      @Override
      public Model create(ComponentConfig config) {
        double weight = config.getDouble("weight", 0, 1);
        Model inner = config.component("inner", Model.POINT);
        ComponentConfig parts = config.child("parts");
        Map<String, Representation> representations = new TreeMap<>();
        for (String name : parts.keys()) {
          representations.put(name, parts.child(name).component("representation", Representation.POINT));
        }
        return new PairModel(weight, inner, representations);
      }
    });
  }

  /** A model made of nested components (for config tests): it brings one representation per part. */
  public record PairModel(double weight, Model inner, Map<String, Representation> parts) implements Model {
    @Override
    public Map<String, Representation> representations() {
      return parts;
    }

    @Override
    public List<String> checkInputs(Map<String, ExampleShape> inputs) {
      return List.of();
    }

    @Override
    public ModelOutput build(Network net, ModelInputs inputs, int classes) {
      throw new UnsupportedOperationException("config-test model");
    }
  }

  /** A model that only carries its settings (for config tests). */
  public record SettingsModel(TestModelSettings settings) implements Model {
    @Override
    public List<String> checkInputs(Map<String, ExampleShape> inputs) {
      return List.of();
    }

    @Override
    public ModelOutput build(Network net, ModelInputs inputs, int classes) {
      throw new UnsupportedOperationException("config-test model");
    }
  }

  /** A representation that only carries its setting (for config tests). */
  public record ScaledRepresentation(double scale) implements Representation {
    @Override
    public ExampleShape shape(SignalFormat format, int windowSamples) {
      return new ExampleShape(1, windowSamples, format.channels());
    }

    @Override
    public FittedRepresentation fit(RecordSet training, FitContext context) {
      throw new UnsupportedOperationException("config-test representation");
    }

    @Override
    public FittedRepresentation restore(Config state, FitContext context) {
      throw new UnsupportedOperationException("config-test representation");
    }
  }
}
