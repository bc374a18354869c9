package org.sinus.plugins.hybrid;

import java.util.List;
import java.util.Map;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.nn.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Late fusion by a learned head: the branches' features side by side, then ReLU layers and a
 * linear output, all trained end to end in one graph. Branches given by {@code from-run} start
 * from their runs' weights and may stay frozen for the first epochs.
 *
 * @param headUnits hidden layers of the fusion head
 * @param dropout dropout before each linear layer of the head
 * @param freezeEpochs epochs during which branches from runs stay frozen
 */
final class JointFusion extends BranchedModel {
  private final List<Integer> headUnits;
  private final double dropout;
  private final int freezeEpochs;

  JointFusion(List<Branch> branches, List<Integer> headUnits, double dropout, int freezeEpochs) {
    super(branches);
    this.headUnits = List.copyOf(headUnits);
    this.dropout = dropout;
    this.freezeEpochs = freezeEpochs;
  }

  @Override
  int frozenEpochs() {
    return freezeEpochs;
  }

  @Override
  public ModelOutput build(Network net, ModelInputs inputs, int classes) {
    Map<String, ModelOutput> branches = buildBranches(net, inputs, classes);
    Operand<TFloat32> joined = joinedFeatures(net, branches);                             // [batch, Σ d_b]
    return ModelOutput.of(joined, () -> head(net.scope("fusion"), joined, classes));
  }

  private Operand<TFloat32> head(Network net, Operand<TFloat32> joined, int classes) {
    Operand<TFloat32> x = joined;                                                         // [batch, Σ d_b]
    for (int i = 0; i < headUnits.size(); i++) {
      x = net.relu(net.dense("hidden" + i, net.dropout(x, dropout), headUnits.get(i), true)); // [batch, units_i]
    }
    return net.dense("output", net.dropout(x, dropout), classes, true);                   // [batch, classes]
  }
}
