package org.sinus.plugins.time;

import java.util.Map;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelContract;
import org.sinus.testkit.TestComponents;

/**
 * The model contract for a resnet1d of 8 filters: its stride-2 convolutions have fewer than 16 channels, whose
 * gradient oneDNN's kernels (TensorFlow 2.18, oneDNN on) computed with a heap corruption that aborted the JVM
 * ({@code malloc(): invalid size}) until the layer library computed them without a strided kernel.
 */
class NarrowResNet1dContractTest extends ModelContract {

  @Override
  protected Model model() {
    return TestComponents.of(new TimePlugin()).build(Model.POINT,
        "type = resnet1d, filters = 8, blocks = [1, 1], head-units = [16], head-dropout = [0.1, 0.1]");
  }

  @Override
  protected Map<String, ExampleShape> inputs() {
    return Map.of(ModelInputs.SINGLE, new ExampleShape(1, 64, 12));
  }

  @Override
  protected Map<String, ExampleShape> unreadableInputs() {
    return Map.of(ModelInputs.SINGLE, new ExampleShape(8, 64, 12));
  }

  /** So few weights learn a tiny batch more slowly: more steps than the contract's 60. */
  @Override
  protected int overfitSteps() {
    return 150;
  }

  @Override
  protected double overfitLearningRate() {
    return 3e-3;
  }
}
