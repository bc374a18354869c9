package org.sinus.plugins.fft;

import java.util.Map;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelContract;
import org.sinus.testkit.TestComponents;

/**
 * The model contract for a small {@code cnn-transformer} (d-model 32, 2 pre-LN layers, FF 64, 4
 * heads) over 16 frames of 2 leads × 12 features, built from its config block as an experiment
 * builds it.
 */
class CnnTransformerContractTest extends ModelContract {

  @Override
  protected Model model() {
    return TestComponents.of(new FftPlugin()).build(Model.POINT,
        "type = cnn-transformer, d-model = 32, layers = 2, ff-size = 64");
  }

  @Override
  protected Map<String, ExampleShape> inputs() {
    return Map.of(ModelInputs.SINGLE, new ExampleShape(1, 16, 24));
  }

  /** As the pre-port test: 60 Adam steps at 1e-3 bring the loss to about a quarter, 150 below a tenth. */
  @Override
  protected int overfitSteps() {
    return 150;
  }

  /** A scalogram-like 2D example: the model reads sequences only. */
  @Override
  protected Map<String, ExampleShape> unreadableInputs() {
    return Map.of(ModelInputs.SINGLE, new ExampleShape(8, 16, 12));
  }
}
