package org.sinus.plugins.attribution;

import org.sinus.api.explain.Explainer;
import org.sinus.testkit.ExplainerContract;
import org.sinus.testkit.TestComponents;

/** The promises of every explainer, for Grad-CAM on the test models' last feature map. */
class GradCamContractTest extends ExplainerContract {
  private static final TestComponents COMPONENTS = TestComponents.of(new AttributionPlugin());

  @Override
  protected Explainer explainer() {
    return COMPONENTS.build(Explainer.POINT, "type = grad-cam");
  }
}
