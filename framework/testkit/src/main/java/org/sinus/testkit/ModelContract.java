package org.sinus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinus.api.model.Model;
import org.sinus.api.representation.ExampleShape;

/**
 * What every model promises, as tests a plugin's test class inherits: every trainable variable
 * gets a gradient from the loss, a tiny batch of random examples can be overfit, it exposes
 * {@code [batch, d]} features beside its logits, and it refuses inputs it cannot read before
 * any graph is built.
 *
 * <pre>{@code
 * class ResNet1dContractTest extends ModelContract {
 *   protected Model model() { return TestComponents.of(new TimePlugin()).build(Model.POINT, "type = resnet1d, filters = 16"); }
 *   protected Map<String, ExampleShape> inputs() { return Map.of(ModelInputs.SINGLE, new ExampleShape(1, 64, 12)); }
 *   protected Map<String, ExampleShape> unreadableInputs() { return Map.of(ModelInputs.SINGLE, new ExampleShape(32, 64, 12)); }
 * }
 * }</pre>
 */
public abstract class ModelContract {

  /** The model under test, built from its config as an experiment would; keep it small. */
  protected abstract Model model();

  /** Input shapes it reads, by input name. */
  protected abstract Map<String, ExampleShape> inputs();

  /** Input shapes it cannot read. */
  protected abstract Map<String, ExampleShape> unreadableInputs();

  protected int classes() {
    return 5;
  }

  /** Adam steps of the overfitting test and their learning rate. */
  protected int overfitSteps() {
    return 60;
  }

  protected double overfitLearningRate() {
    return 1e-3;
  }

  /** The loss after {@link #overfitSteps()} must fall below this fraction of the first. */
  protected double overfitFactor() {
    return 0.1;
  }

  @Test
  public void everyTrainableVariableGetsAGradient() {
    assertThat(ModelChecks.gradientNorms(model(), inputs(), classes(), 8))
        .allSatisfy((name, norm) -> assertThat(norm).as("squared gradient norm of %s", name).isGreaterThan(0));
  }

  @Test
  public void overfitsATinyBatch() {
    float[] loss = ModelChecks.overfit(model(), inputs(), classes(), 16, overfitLearningRate(), overfitSteps());
    assertThat((double) loss[1]).as("loss after %d steps; the first was %s", overfitSteps(), loss[0])
        .isLessThan(loss[0] * overfitFactor());
  }

  @Test
  public void exposesFeaturesBesideItsLogits() {
    assertThat(ModelChecks.parameterCount(model(), inputs(), classes())).isPositive();
  }

  @Test
  public void readsItsInputsAndRefusesOthers() {
    assertThat(model().checkInputs(inputs())).as("problems with %s", inputs()).isEmpty();
    assertThat(model().checkInputs(unreadableInputs())).as("problems with %s", unreadableInputs()).isNotEmpty();
  }
}
