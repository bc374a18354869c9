package org.sinus.plugins.wavelet;

import java.util.Map;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelContract;
import org.sinus.testkit.TestComponents;

/**
 * What every model promises, for a small {@code cnn2d} (the peer's blocks with fewer filters) on
 * 16-scale scalograms.
 */
class Cnn2dContractTest extends ModelContract {

  @Override
  protected Model model() {
    return TestComponents.of(new WaveletPlugin()).build(Model.POINT, "type = cnn2d, filters = [8, 16]");
  }

  @Override
  protected Map<String, ExampleShape> inputs() {
    return Map.of(ModelInputs.SINGLE, new ExampleShape(16, 40, 12));
  }

  /** A single column, narrower than the default time-pool of 2. */
  @Override
  protected Map<String, ExampleShape> unreadableInputs() {
    return Map.of(ModelInputs.SINGLE, new ExampleShape(16, 1, 12));
  }

  /** Random scalograms of a small network need a larger step than the default 1e-3 to be overfit in 60 steps. */
  @Override
  protected double overfitLearningRate() {
    return 1e-2;
  }
}
