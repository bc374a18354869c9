package org.sinus.plugins.hybrid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.model.FusionData;
import org.sinus.api.model.FusionFit;
import org.sinus.api.model.FusionFitting;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.PretrainedPart;
import org.sinus.api.nn.Initializer;
import org.sinus.api.nn.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;

/**
 * Late fusion of branches that each classify on their own: every branch is trained on its own
 * loss (or comes from a trained run), and the prediction of a window is the fusion of the
 * branches' outputs on it ({@link FusionMode#AVERAGE}, {@link FusionMode#WEIGHTED},
 * {@link FusionMode#STACKING}). The fusion's parameters are graph variables fitted on the
 * validation split after training ({@link FusionFitting}), so the fused model evaluates, explains
 * and exports like any other.
 */
final class LateFusion extends BranchedModel implements FusionFitting {
  /** The fitted variables: per-class weights of the branches' probabilities ([branches, classes]). */
  static final String WEIGHTS = "fusion/weights";
  /** The fitted variables of stacking: coefficients of the branches' logits and intercepts. */
  static final String COEFFICIENTS = "fusion/coefficients";
  static final String INTERCEPTS = "fusion/intercepts";
  /** Probabilities are kept in [ε, 1 − ε] before they become logits. */
  static final float EPSILON = 1e-6f;

  private final FusionMode mode;
  private final boolean retrainBranches;
  private final WeightedFit weighted;
  private final StackingFit stacking;

  LateFusion(List<Branch> branches, FusionMode mode, boolean retrainBranches, WeightedFit weighted,
             StackingFit stacking) {
    super(branches);
    if (mode == FusionMode.JOINT) {
      throw new IllegalArgumentException("a joint fusion is a JointFusion");
    }
    this.mode = mode;
    this.retrainBranches = retrainBranches;
    this.weighted = weighted;
    this.stacking = stacking;
  }

  FusionMode mode() {
    return mode;
  }

  @Override
  int frozenEpochs() {
    return retrainBranches ? 0 : PretrainedPart.ALWAYS;
  }

  @Override
  public ModelOutput build(Network net, ModelInputs inputs, int classes) {
    Map<String, ModelOutput> branches = buildBranches(net, inputs, classes);
    Map<String, Operand<TFloat32>> logits = new LinkedHashMap<>();
    branches.forEach((name, output) -> logits.put(name, output.logits()));              // [batch, classes] each
    Operand<TFloat32> features = joinedFeatures(net, branches);                          // [batch, Σ d_b]
    return ModelOutput.ofParts(features, logits, () -> fuse(net.scope("fusion"), logits, classes));
  }

  private Operand<TFloat32> fuse(Network net, Map<String, Operand<TFloat32>> parts, int classes) {
    Ops tf = net.tf();
    int count = parts.size();
    Operand<TFloat32> stacked = tf.stack(List.copyOf(parts.values()), Stack.axis(1L));   // [batch, branches, classes]
    Initializer equal = Initializer.constant(1f / count);
    return switch (mode) {
      case AVERAGE -> logit(tf, tf.math.mean(tf.math.sigmoid(stacked), tf.constant(1))); // [batch, classes]
      case WEIGHTED -> {
        Operand<TFloat32> weights = net.fitted("weights", new long[] {count, classes}, equal); // [branches, classes]
        yield logit(tf, tf.reduceSum(tf.math.mul(tf.math.sigmoid(stacked), weights), tf.constant(1),
            ReduceSum.keepDims(false)));                                                  // [batch, classes]
      }
      case STACKING -> {
        Operand<TFloat32> coefficients = net.fitted("coefficients", new long[] {count, classes}, equal); // [branches, classes]
        Operand<TFloat32> intercepts = net.fitted("intercepts", new long[] {classes}, Initializer.constant(0f)); // [classes]
        yield tf.math.add(tf.reduceSum(tf.math.mul(clippedLogits(tf, stacked), coefficients), tf.constant(1),
            ReduceSum.keepDims(false)), intercepts);                                      // [batch, classes]
      }
      case JOINT -> throw new IllegalStateException("unreachable");
    };
  }

  /** ln(p / (1 − p)) of probabilities kept in [ε, 1 − ε]. */
  private static Operand<TFloat32> logit(Ops tf, Operand<TFloat32> p) {
    Operand<TFloat32> kept = tf.clipByValue(p, tf.constant(EPSILON), tf.constant(1 - EPSILON)); // same shape
    return tf.math.sub(tf.math.log(kept), tf.math.log1p(tf.math.neg(kept)));              // same shape
  }

  /** The logits of the branches' probabilities kept in [ε, 1 − ε], as the meta-model was fitted on. */
  private static Operand<TFloat32> clippedLogits(Ops tf, Operand<TFloat32> logits) {
    return logit(tf, tf.math.sigmoid(logits));                                            // [batch, branches, classes]
  }

  @Override
  public FusionFit fit(FusionData validation) {
    return switch (mode) {
      case WEIGHTED -> weighted.fit(validation);
      case STACKING -> stacking.fit(validation);
      case AVERAGE -> WeightedFit.average(validation);
      case JOINT -> throw new IllegalStateException("unreachable");
    };
  }
}
