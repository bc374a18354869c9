package org.example.sinus.derivative;

import org.sinus.api.representation.Representation;
import org.sinus.testkit.RepresentationContract;
import org.sinus.testkit.TestComponents;

/** The promises every representation makes (shape, threads, training-only fit, state, capabilities). */
class DerivativeContractTest extends RepresentationContract {
  @Override
  protected Representation representation() {
    return TestComponents.of(new DerivativePlugin()).build(Representation.POINT, "type = derivative, step = 2");
  }
}
