package org.sinus.e2e.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.nn.Network;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.Representation;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A test model of several branches, each a representation and a model chosen by type in its own
 * block, joined by concatenating the branches' features under one linear layer: the multi-input
 * path of the engine, end to end, without the real fusion plugin.
 *
 * @param representations each branch's representation, by branch name
 * @param models each branch's model, by branch name
 */
record ConcatBranches(Map<String, Representation> representations, Map<String, Model> models) implements Model {
  static final String TYPE = "concat-branches";

  static final class Factory implements ComponentFactory<Model> {
    @Override
    public String description() {
      return "test model: branches (representation + model each) joined by concatenated features and a linear layer";
    }

    @Override
    public Model create(ComponentConfig config) {
      ComponentConfig branches = config.child("branches");
      Map<String, Representation> representations = new LinkedHashMap<>();
      Map<String, Model> models = new LinkedHashMap<>();
      for (String name : branches.keys()) {
        ComponentConfig branch = branches.child(name);
        representations.put(name, branch.component("representation", Representation.POINT));
        models.put(name, branch.component("model", Model.POINT));
      }
      if (representations.size() < 2) {
        config.problem("branches", "needs at least two branches, got " + representations.keySet());
      }
      return new ConcatBranches(representations, models);
    }
  }

  @Override
  public List<String> checkInputs(Map<String, ExampleShape> inputs) {
    List<String> problems = new ArrayList<>();
    models.forEach((name, model) -> model.checkInputs(Map.of(ModelInputs.SINGLE, inputs.get(name)))
        .forEach(problem -> problems.add("branch " + name + ": " + problem)));
    return problems;
  }

  @Override
  public ModelOutput build(Network net, ModelInputs inputs, int classes) {
    List<Operand<TFloat32>> features = new ArrayList<>();
    models.forEach((name, model) -> features.add(model.build(net.scope(name),
        ModelInputs.single(inputs.get(name), inputs.shape(name)), classes).features()));   // [batch, d_b] each
    Operand<TFloat32> joined = net.tf().concat(features, net.tf().constant(1));          // [batch, Σ d_b]
    return ModelOutput.of(joined, () -> net.dense("fusion", joined, classes, true));     // [batch, classes]
  }
}
