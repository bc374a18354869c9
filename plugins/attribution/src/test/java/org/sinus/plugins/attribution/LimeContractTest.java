package org.sinus.plugins.attribution;

import org.sinus.api.explain.Explainer;
import org.sinus.testkit.ExplainerContract;

/** The promises of every explainer for LIME, over segments of all leads replaced by the background's mean. */
class LimeContractTest extends ExplainerContract {
  @Override
  protected Explainer explainer() {
    return Blocks.build("type = lime, features = segments, segment = 0.25s, samples = 100, "
        + "background = mean, background-size = 4, max-features = 5");
  }
}
