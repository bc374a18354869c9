package org.sinus.plugins.time;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelContract;
import org.sinus.testkit.TestComponents;

/**
 * The model contract for a small cnn1d as the defaults build it (convolutions with biases, global
 * average pooling), and, nested, with batch norm, max pooling, concat pooling and dropout.
 */
class Cnn1dContractTest extends ModelContract {
  private static final TestComponents COMPONENTS = TestComponents.of(new TimePlugin());

  @Override
  protected Model model() {
    return COMPONENTS.build(Model.POINT, "type = cnn1d, filters = [16, 16]");
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
    return 1e-2;
  }

  /** Every optional layer on. */
  @Nested
  class BatchNormPoolingConcatDropout extends ModelContract {
    @Override
    protected Model model() {
      return COMPONENTS.build(Model.POINT,
          "type = cnn1d, filters = [8, 16, 16], batch-norm = true, pool-every = 1, pooling = concat, dropout = 0.1");
    }

    @Override
    protected Map<String, ExampleShape> inputs() {
      return Cnn1dContractTest.this.inputs();
    }

    @Override
    protected Map<String, ExampleShape> unreadableInputs() {
      return Cnn1dContractTest.this.unreadableInputs();
    }

    @Override
    protected double overfitLearningRate() {
      return Cnn1dContractTest.this.overfitLearningRate();
    }
  }
}
