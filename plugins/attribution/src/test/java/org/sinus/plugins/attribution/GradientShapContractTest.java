package org.sinus.plugins.attribution;

import org.sinus.api.explain.Explainer;
import org.sinus.testkit.ExplainerContract;
import org.sinus.testkit.TestComponents;

/** The promises of every explainer, for gradient SHAP with noise. */
class GradientShapContractTest extends ExplainerContract {
  private static final TestComponents COMPONENTS = TestComponents.of(new AttributionPlugin());

  @Override
  protected Explainer explainer() {
    return COMPONENTS.build(Explainer.POINT, "type = gradient-shap, samples = 20, baseline-samples = 4, stdevs = 0.05");
  }
}
