package org.sinus.plugins.time;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelContract;
import org.sinus.testkit.TestComponents;

/**
 * The model contract for a small xresnet1d of bottleneck blocks, and, nested, of basic blocks.
 * Both start their residual branches at γ = 1: with fastai's γ = 0 the earlier layers of every
 * branch get no gradient at the first step, by design ({@link XResNet1dTest}).
 */
class XResNet1dContractTest extends ModelContract {
  private static final TestComponents COMPONENTS = TestComponents.of(new TimePlugin());

  @Override
  protected Model model() {
    return COMPONENTS.build(Model.POINT, "type = xresnet1d, expansion = 4, blocks = [1, 2], widths = [8, 16], "
        + "stem-filters = [8, 8, 16], zero-init-residual = false, head-units = [16], head-dropout = [0.1, 0.1]");
  }

  @Override
  protected Map<String, ExampleShape> inputs() {
    // odd width: the stride-2 stem, the max pooling and the averaging shortcuts all round up
    return Map.of(ModelInputs.SINGLE, new ExampleShape(1, 63, 12));
  }

  @Override
  protected Map<String, ExampleShape> unreadableInputs() {
    return Map.of(ModelInputs.SINGLE, new ExampleShape(8, 64, 12));
  }

  @Override
  protected double overfitLearningRate() {
    return 1e-2;
  }

  /** Basic blocks (k, k; expansion 1), as xresnet1d18/34. */
  @Nested
  class BasicBlocks extends ModelContract {
    @Override
    protected Model model() {
      return COMPONENTS.build(Model.POINT, "type = xresnet1d, expansion = 1, blocks = [1, 1], widths = [16, 32], "
          + "stem-filters = [8, 8, 16], zero-init-residual = false, head-units = [16], head-dropout = [0.1, 0.1]");
    }

    @Override
    protected Map<String, ExampleShape> inputs() {
      return XResNet1dContractTest.this.inputs();
    }

    @Override
    protected Map<String, ExampleShape> unreadableInputs() {
      return XResNet1dContractTest.this.unreadableInputs();
    }

    @Override
    protected double overfitLearningRate() {
      return XResNet1dContractTest.this.overfitLearningRate();
    }
  }
}
