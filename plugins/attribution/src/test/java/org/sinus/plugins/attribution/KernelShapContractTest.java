package org.sinus.plugins.attribution;

import org.junit.jupiter.api.Nested;
import org.sinus.api.explain.Explainer;
import org.sinus.testkit.ExplainerContract;

/**
 * The promises of every explainer for Kernel SHAP: over the 12 leads with sampled background
 * records, and over segments of each lead with zeros and fewer coalitions than features.
 */
class KernelShapContractTest extends ExplainerContract {
  @Override
  protected Explainer explainer() {
    return Blocks.build("type = kernel-shap, features = leads, coalitions = 64, "
        + "background = sample, background-size = 3");
  }

  @Nested
  class LeadSegmentsOfZeros extends ExplainerContract {
    @Override
    protected Explainer explainer() {
      return Blocks.build("type = kernel-shap, features = lead-segments, segment = 0.5s, "
          + "coalitions = 40, background = zeros");
    }
  }
}
