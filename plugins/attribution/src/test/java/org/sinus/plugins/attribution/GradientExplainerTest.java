package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigException;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ModelHandle;
import org.sinus.testkit.TestComponents;

class GradientExplainerTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new AttributionPlugin());

  @Test
  void settingsComeFromTheBlockOverTheDefaults() {
    GradientExplainer defaults = (GradientExplainer) COMPONENTS.build(Explainer.POINT, "type = gradient");
    assertThat(defaults).isEqualTo(new GradientExplainer(ModelHandle.Output.PROBABILITY, true, 0, 0.15));
    GradientExplainer logits = (GradientExplainer) COMPONENTS.build(Explainer.POINT,
        "type = gradient, output = logit, smooth-samples = 10");
    assertThat(logits.output()).isEqualTo(ModelHandle.Output.LOGIT);
    assertThat(logits.smoothSamples()).isEqualTo(10);
    assertThat(COMPONENTS.unreadDefaults(Explainer.POINT, "type = gradient")).isEmpty();
  }

  @Test
  void badSettingsAreReportedByKey() {
    assertThatThrownBy(() -> COMPONENTS.build(Explainer.POINT, "type = gradient, output = logits, smooth-noise = -1"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(p -> p.path())
            .containsExactlyInAnyOrderElementsOf(List.of("explainer.output", "explainer.smooth-noise")));
  }
}
