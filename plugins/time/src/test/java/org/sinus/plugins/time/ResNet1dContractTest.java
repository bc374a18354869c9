package org.sinus.plugins.time;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelContract;
import org.sinus.testkit.TestComponents;

/**
 * The model contract for a small resnet1d: 32 filters, two stages, a 32-unit head with little
 * dropout (the reference's 0.5 before the output layer of so small a head slows overfitting); and,
 * nested, for one of 8 filters.
 */
class ResNet1dContractTest extends ModelContract {

  @Override
  protected Model model() {
    return TestComponents.of(new TimePlugin()).build(Model.POINT,
        "type = resnet1d, filters = 32, blocks = [1, 1], head-units = [32], head-dropout = [0.1, 0.1]");
  }

  @Override
  protected Map<String, ExampleShape> inputs() {
    return Map.of(ModelInputs.SINGLE, new ExampleShape(1, 64, 12));
  }

  @Override
  protected Map<String, ExampleShape> unreadableInputs() {
    return Map.of(ModelInputs.SINGLE, new ExampleShape(8, 64, 12));
  }

  @Override
  protected double overfitLearningRate() {
    return 3e-3;
  }

  /**
   * 8 filters: the stride-2 convolutions of the second stage have fewer than 16 channels, whose gradient
   * oneDNN's kernels (TensorFlow 2.18, oneDNN on) computed with a heap corruption that aborted the JVM
   * ({@code malloc(): invalid size}) until the layer library computed them without a strided kernel.
   */
  @Nested
  class EightFilters extends ModelContract {
    @Override
    protected Model model() {
      return TestComponents.of(new TimePlugin()).build(Model.POINT,
          "type = resnet1d, filters = 8, blocks = [1, 1], head-units = [16], head-dropout = [0.1, 0.1]");
    }

    @Override
    protected Map<String, ExampleShape> inputs() {
      return ResNet1dContractTest.this.inputs();
    }

    @Override
    protected Map<String, ExampleShape> unreadableInputs() {
      return ResNet1dContractTest.this.unreadableInputs();
    }

    /** So few weights learn a tiny batch more slowly: more steps than the contract's 60. */
    @Override
    protected int overfitSteps() {
      return 150;
    }

    @Override
    protected double overfitLearningRate() {
      return ResNet1dContractTest.this.overfitLearningRate();
    }
  }
}
