package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.explain.Explainer;
import org.sinus.testkit.TestComponents;

/** This plugin's explainers built from HOCON blocks, as an experiment builds them. */
final class Blocks {
  static final TestComponents COMPONENTS = TestComponents.of(new AttributionPlugin());

  private Blocks() {}

  static Explainer build(String hocon) {
    return COMPONENTS.build(Explainer.POINT, hocon);
  }

  /** The keys of the problems reported for a block that must fail to build. */
  static List<String> problemKeys(String hocon) {
    ConfigException thrown = catchThrowableOfType(ConfigException.class, () -> build(hocon));
    if (thrown == null) {
      throw new AssertionError("the block built without a problem: " + hocon);
    }
    return thrown.problems().stream().map(ConfigProblem::path).toList();
  }
}
