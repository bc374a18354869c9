package org.sinus.plugins.attribution;

import org.junit.jupiter.api.Nested;
import org.sinus.api.explain.Explainer;
import org.sinus.testkit.ExplainerContract;
import org.sinus.testkit.TestComponents;

/** The promises of every explainer, for the plain gradient and for gradient × input with SmoothGrad. */
class GradientExplainerContractTest extends ExplainerContract {
  private static final TestComponents COMPONENTS = TestComponents.of(new AttributionPlugin());

  @Override
  protected Explainer explainer() {
    return COMPONENTS.build(Explainer.POINT, "type = gradient, times-input = false");
  }

  @Nested
  class SmoothedTimesInput extends ExplainerContract {
    @Override
    protected Explainer explainer() {
      return COMPONENTS.build(Explainer.POINT, "type = gradient, times-input = true, smooth-samples = 4");
    }
  }
}
