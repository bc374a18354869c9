package org.sinus.plugins.attribution;

import org.sinus.api.explain.Explainer;
import org.sinus.testkit.ExplainerContract;

/** The promises of every explainer for occlusion with patches of each lead. */
class OcclusionContractTest extends ExplainerContract {
  @Override
  protected Explainer explainer() {
    return Blocks.build("type = occlusion, window = 1s, stride = 0.5s, per-lead = true");
  }
}
