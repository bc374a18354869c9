package org.sinus.plugins.hybrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.PretrainedPart;
import org.sinus.api.nn.Network;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.Representation;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A model of named branches, each reading its own input (the branch's representation) with its
 * own model in a network scope of the branch's name; what joins them is the subclass's.
 */
abstract class BranchedModel implements Model {
  private final List<Branch> branches;

  BranchedModel(List<Branch> branches) {
    this.branches = List.copyOf(branches);
  }

  List<Branch> branches() {
    return branches;
  }

  /** For how many epochs a branch given by {@code from-run} stays frozen. */
  abstract int frozenEpochs();

  @Override
  public Map<String, Representation> representations() {
    Map<String, Representation> representations = new LinkedHashMap<>();
    branches.forEach(branch -> representations.put(branch.name(), branch.representation()));
    return representations;
  }

  @Override
  public List<PretrainedPart> pretrained() {
    List<PretrainedPart> parts = new ArrayList<>();
    for (Branch branch : branches) {
      branch.fromRun().ifPresent(run -> parts.add(new PretrainedPart(branch.key() + ".from-run", branch.name(),
          branch.name(), run, Map.of("representation", branch.key() + ".representation",
          "model", branch.key() + ".model"), frozenEpochs())));
    }
    return parts;
  }

  @Override
  public List<String> checkInputs(Map<String, ExampleShape> inputs) {
    List<String> problems = new ArrayList<>();
    for (Branch branch : branches) {
      ExampleShape shape = inputs.get(branch.name());
      if (shape == null) {
        problems.add("has no input for branch " + branch.name());
        continue;
      }
      branch.model().checkInputs(Map.of(ModelInputs.SINGLE, shape))
          .forEach(problem -> problems.add("branch " + branch.name() + ": " + problem));
    }
    return problems;
  }

  /** Each branch's output, built in the branch's scope from its input. */
  Map<String, ModelOutput> buildBranches(Network net, ModelInputs inputs, int classes) {
    Map<String, ModelOutput> outputs = new LinkedHashMap<>();
    for (Branch branch : branches) {
      outputs.put(branch.name(), branch.model().build(net.scope(branch.name()),
          ModelInputs.single(inputs.get(branch.name()), inputs.shape(branch.name())), classes));
    }
    return outputs;
  }

  /** The branches' features side by side. */
  static Operand<TFloat32> joinedFeatures(Network net, Map<String, ModelOutput> outputs) {
    List<Operand<TFloat32>> features = new ArrayList<>();
    outputs.values().forEach(output -> features.add(output.features()));                // [batch, d_b] each
    return net.tf().concat(features, net.tf().constant(1));                             // [batch, Σ d_b]
  }
}
