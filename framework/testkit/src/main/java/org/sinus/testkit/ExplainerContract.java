package org.sinus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.Explanation;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;

/**
 * What every explainer promises, as tests a plugin's test class inherits: on a small model of
 * the raw signal it returns, for a window and for a whole record scored over its windows,
 * relevance of the shape of every input and, where the input maps back to the signal, one value
 * per sample and lead of the record, all finite; and for a model whose output does not depend on
 * its input, no relevance at all.
 */
public abstract class ExplainerContract {
  private static final int WINDOW = 100;

  @TempDir
  protected Path cache;

  /** The explainer under test, built from its config as an experiment would; keep it cheap. */
  protected abstract Explainer explainer();

  /** Largest relevance allowed for a model that ignores its input (0 for exact methods). */
  protected double constantModelTolerance() {
    return 1e-6;
  }

  private Explanation explain(Model model, int[] starts, int label) {
    try (ExplainerFixture fixture = ExplainerFixture.of(model, cache)) {
      return explainer().explain(fixture.context(), fixture.target(starts, label));
    }
  }

  private static void assertShapes(Explanation explanation, int windows) {
    assertThat(explanation.windowStarts()).hasSize(windows);
    assertThat(explanation.inputs()).containsOnlyKeys(ModelInputs.SINGLE);
    float[][] relevance = explanation.inputs().get(ModelInputs.SINGLE);
    assertThat(relevance).hasNumberOfRows(windows);
    for (float[] window : relevance) {
      assertThat(window).hasSize(WINDOW * 12);
      for (float v : window) {
        assertThat(Float.isFinite(v)).as("relevance values are finite").isTrue();
      }
    }
    assertThat(explanation.signal()).as("the raw signal maps back to leads × time").hasSize(400 * 12);
    assertThat(Double.isFinite(explanation.score())).isTrue();
  }

  @Test
  public void explainsAWindowWithRelevanceOfItsInputsShape() {
    Explanation explanation = explain(TestModels.small(), new int[] {100}, 1);
    assertShapes(explanation, 1);
    assertThat(explanation.label()).isEqualTo(1);
    float[] signal = explanation.signal();
    for (int t = 0; t < 400; t++) {
      for (int lead = 0; lead < 12; lead++) {
        if (t < 100 || t >= 200) {
          assertThat(signal[t * 12 + lead]).as("relevance outside the window, sample %d", t).isZero();
        }
      }
    }
  }

  @Test
  public void explainsAWholeRecordOverItsWindows() {
    Explanation explanation = explain(TestModels.small(), new int[] {0, 50, 100, 150, 200, 250, 300}, 2);
    assertShapes(explanation, 7);
  }

  @Test
  public void givesNoRelevanceWhereTheModelIgnoresItsInput() {
    Explanation explanation = explain(TestModels.constant(), new int[] {0, 100, 200, 300}, 0);
    assertShapes(explanation, 4);
    for (float[] window : explanation.inputs().get(ModelInputs.SINGLE)) {
      for (float v : window) {
        assertThat((double) v).isCloseTo(0, within(constantModelTolerance()));
      }
    }
    for (float v : explanation.signal()) {
      assertThat((double) v).isCloseTo(0, within(constantModelTolerance()));
    }
  }
}
