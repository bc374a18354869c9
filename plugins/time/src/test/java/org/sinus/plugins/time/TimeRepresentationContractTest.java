package org.sinus.plugins.time;

import org.junit.jupiter.api.Nested;
import org.sinus.api.representation.Representation;
import org.sinus.testkit.RepresentationContract;
import org.sinus.testkit.TestComponents;

/**
 * The representation contract for the time representation with its defaults (per-lead
 * standardization, no filter), and, nested, with global standardization and with a band-pass.
 */
class TimeRepresentationContractTest extends RepresentationContract {
  private static final TestComponents COMPONENTS = TestComponents.of(new TimePlugin());

  @Override
  protected Representation representation() {
    return COMPONENTS.build(Representation.POINT, "type = time");
  }

  /** One mean and standard deviation over every value (the PTB-XL benchmark's setting). */
  @Nested
  class Global extends RepresentationContract {
    @Override
    protected Representation representation() {
      return COMPONENTS.build(Representation.POINT, "type = time, standardize = global");
    }
  }

  /** A zero-phase 0.5–40 Hz band-pass of order 4, then per-lead standardization. */
  @Nested
  class BandPassPerLead extends RepresentationContract {
    @Override
    protected Representation representation() {
      return COMPONENTS.build(Representation.POINT,
          "type = time, standardize = per-lead, band-pass { low-hz = 0.5, high-hz = 40, order = 4 }");
    }
  }
}
