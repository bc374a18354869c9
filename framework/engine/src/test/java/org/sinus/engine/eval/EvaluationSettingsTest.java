package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.data.Split;
import org.sinus.api.plugin.ComponentConfig;
import org.junit.jupiter.api.Test;

/** The {@code evaluation} block is read as written, and a split name that does not exist is a config problem. */
class EvaluationSettingsTest {
  private static ComponentConfig block(String text, ProblemCollector problems) {
    return new ComponentConfig("evaluation", ConfigFactory.parseString(text), problems);
  }

  @Test
  void readsSplitsBootstrapAndThresholds() {
    ProblemCollector problems = new ProblemCollector();
    EvaluationSettings settings = EvaluationSettings.read(block("""
        splits = ["val", "test"]
        bootstrap { resamples = 200, confidence = 0.9, seed = -3 }
        thresholds = "0.5"
        """, problems));
    assertThat(problems.problems()).isEmpty();
    assertThat(settings).isEqualTo(new EvaluationSettings(List.of(Split.VALIDATION, Split.TEST), 200, 0.9, -3, false));
    assertThat(EvaluationSettings.read(block("""
        splits = ["test"]
        bootstrap { resamples = 0, confidence = 0.95, seed = 0 }
        thresholds = "tuned-on-validation"
        """, problems)).tunedThresholds()).isTrue();
  }

  @Test
  void anUnknownSplitIsAProblemOfTheSplitsKey() {
    ProblemCollector problems = new ProblemCollector();
    EvaluationSettings settings = EvaluationSettings.read(block("""
        splits = ["test", "holdout"]
        bootstrap { resamples = 10, confidence = 0.95, seed = 1 }
        thresholds = "0.5"
        """, problems));
    assertThat(settings.splits()).containsExactly(Split.TEST);
    assertThat(problems.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("evaluation.splits");
      assertThat(p.message()).isEqualTo("unknown split 'holdout'; known: train, validation, test");
    });
  }
}
