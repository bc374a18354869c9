package org.sinus.plugins.time;

import java.util.Map;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelContract;
import org.sinus.testkit.TestComponents;

/**
 * The model contract for a small resnet1d: 32 filters, two stages, a 32-unit head with little
 * dropout (the reference's 0.5 before the output layer of so small a head slows overfitting).
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
}
