package org.sinus.plugins.hybrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sinus.api.model.Model;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.representation.Representation;

/** Builds the {@code late-fusion} model from its block: the branches by type, the fusion and its settings. */
public final class LateFusionFactory implements ComponentFactory<Model> {
  /** The type name experiments select the model with. */
  public static final String TYPE = "late-fusion";

  @Override
  public String description() {
    return "late fusion of branches (a representation and a model each): average, weighted, stacking or a joint head";
  }

  @Override
  public Model create(ComponentConfig config) {
    ComponentConfig branchesBlock = config.child("branches");
    List<Branch> branches = new ArrayList<>();
    for (String name : branchesBlock.keys()) {
      if (!branchesBlock.has(name)) {
        continue;                                    // "name = null" removes a branch of an included file
      }
      ComponentConfig branch = branchesBlock.child(name);
      Optional<Path> fromRun = branch.has("from-run") ? Optional.of(branch.getPath("from-run"))
          : Optional.empty();
      branches.add(new Branch(name, branch.path(), branch.component("representation", Representation.POINT),
          branch.component("model", Model.POINT), fromRun));
    }
    if (branches.size() < 2) {
      config.problem("branches", "needs at least two branches, got " + branches.stream().map(Branch::name).toList()
          + "; e.g. branches { time { representation { type = \"time\" }, model { type = \"resnet1d\" } }, "
          + "fft { ... } }");
    }
    List<String> modes = new ArrayList<>();
    for (FusionMode mode : FusionMode.values()) {
      modes.add(mode.id());
    }
    FusionMode mode = FusionMode.valueOf(config.getChoice("fusion", modes).toUpperCase(Locale.ROOT));
    boolean retrain = config.getBoolean("retrain-branches");
    ComponentConfig weighted = config.child("weighted");
    WeightedFit weightedFit = new WeightedFit(weighted.getDouble("grid-step", 0.001, 0.5),
        weighted.getDoubleList("shrinkage", 0, 1), weighted.getInt("folds", 2, 100));
    ComponentConfig stacking = config.child("stacking");
    StackingFit stackingFit = new StackingFit(stacking.getDouble("l2", 0, 1e6), stacking.getInt("folds", 2, 100));
    ComponentConfig joint = config.child("joint");
    List<Integer> headUnits = joint.getIntList("head-units", 1, 65_536);
    double dropout = joint.getDouble("dropout", 0, 0.95);
    int freezeEpochs = joint.getInt("freeze-epochs", 0, 100_000);
    if (mode == FusionMode.JOINT) {
      return new JointFusion(branches, headUnits, dropout, freezeEpochs);
    }
    return new LateFusion(branches, mode, retrain, weightedFit, stackingFit);
  }
}
