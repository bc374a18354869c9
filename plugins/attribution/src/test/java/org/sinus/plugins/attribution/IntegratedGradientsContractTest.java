package org.sinus.plugins.attribution;

import org.junit.jupiter.api.Nested;
import org.sinus.api.explain.Explainer;
import org.sinus.testkit.ExplainerContract;
import org.sinus.testkit.TestComponents;

/** The promises of every explainer, for integrated gradients from zeros and from background windows with SmoothGrad. */
class IntegratedGradientsContractTest extends ExplainerContract {
  private static final TestComponents COMPONENTS = TestComponents.of(new AttributionPlugin());

  @Override
  protected Explainer explainer() {
    return COMPONENTS.build(Explainer.POINT, "type = integrated-gradients, steps = 16");
  }

  @Nested
  class SmoothedFromBackgroundWindows extends ExplainerContract {
    @Override
    protected Explainer explainer() {
      return COMPONENTS.build(Explainer.POINT, "type = integrated-gradients, steps = 4, baseline = background, "
          + "baseline-samples = 3, smooth-samples = 2");
    }
  }
}
