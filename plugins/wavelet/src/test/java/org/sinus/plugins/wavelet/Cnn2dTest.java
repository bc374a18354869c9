package org.sinus.plugins.wavelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelChecks;
import org.sinus.testkit.TestComponents;

/**
 * The {@code cnn2d} model's peer configuration, its config block, the inputs it refuses, and the
 * gradients and overfitting of variants the contract ({@link Cnn2dContractTest}) does not build.
 */
class Cnn2dTest {
  /** Residual blocks without batch norm (biases), a hidden head layer, average pooling: every kind of variable. */
  static final Cnn2d RESIDUAL = new Cnn2d(2, List.of(8, 8, 16), 3, false, true, "avg", "max", 0.1, List.of(12));
  static final Cnn2d RESIDUAL_BN = new Cnn2d(1, List.of(8, 16), 3, true, true, "max", "avg", 0.25, List.of());

  static List<Cnn2d> models() {
    return List.of(Cnn2d.peerReference(), RESIDUAL, RESIDUAL_BN);
  }

  @Test
  void thePeerConfigurationHasThePeersParameterCount() {
    // torch_ptbxl_models.py CWTCNN2d(32 scales, 5 classes): 100,261 parameters
    assertThat(ModelChecks.parameterCount(Cnn2d.peerReference(), new ExampleShape(32, 250, 12), 5)).isEqualTo(100_261);
  }

  @Test
  void everyBlockIsAFeatureMapBeforeItsPooling() {
    assertThat(ModelChecks.featureMaps(Cnn2d.peerReference(), new ExampleShape(32, 250, 12), 5)).containsExactly(
        entry("block0", new ExampleShape(32, 125, 16)), entry("block1", new ExampleShape(16, 62, 32)),
        entry("block2", new ExampleShape(8, 31, 64)), entry("block3", new ExampleShape(4, 15, 128)));
  }

  @Test
  void theReferenceDefaultsAreThePeerConfiguration() {
    Config defaults = ConfigFactory.parseResources("reference.conf").getConfig("sinus.model.cnn2d");
    ProblemCollector problems = new ProblemCollector();
    ComponentConfig block = new ComponentConfig("model", defaults, problems);
    Object model = new Cnn2d.Factory().create(block);
    assertThat(problems.problems()).isEmpty();
    assertThat(block.unreadKeys()).isEmpty();
    assertThat(model).isEqualTo(Cnn2d.peerReference());
    assertThat(TestComponents.of(new WaveletPlugin()).build(Model.POINT, "type = cnn2d"))
        .isEqualTo(Cnn2d.peerReference());

    ProblemCollector bad = new ProblemCollector();
    new Cnn2d.Factory().create(new ComponentConfig("model",
        ConfigFactory.parseString("kernel = 4, filters = [], global-pooling = mean").withFallback(defaults), bad));
    assertThat(ComponentConfig.messages(bad.problems())).hasSize(3)
        .anySatisfy(m -> assertThat(m).contains("model.kernel").contains("odd"))
        .anySatisfy(m -> assertThat(m).contains("model.filters"))
        .anySatisfy(m -> assertThat(m).contains("model.global-pooling"));
  }

  @Test
  void aOneRowInputIsPooledInTimeOnly() {
    // e.g. sinus bench's [1, time, leads] examples: pooling leaves the height of 1 alone
    assertThat(ModelChecks.parameterCount(Cnn2d.peerReference(), new ExampleShape(1, 250, 12), 5)).isEqualTo(100_261);
  }

  @Test
  void anInputNarrowerThanTheTimePoolIsRefused() {
    Cnn2d peer = Cnn2d.peerReference();
    assertThat(peer.checkInputs(Map.of(ModelInputs.SINGLE, new ExampleShape(32, 1, 12)))).singleElement().asString()
        .contains("at least 2 wide").contains("[32, 1, 12]");
    assertThat(peer.checkInputs(Map.of(ModelInputs.SINGLE, new ExampleShape(32, 2, 12)))).isEmpty();
    assertThat(peer.checkInputs(Map.of(ModelInputs.SINGLE, new ExampleShape(1, 250, 12)))).isEmpty();
    assertThat(RESIDUAL_BN.checkInputs(Map.of(ModelInputs.SINGLE, new ExampleShape(32, 1, 12))))
        .as("time-pool = 1 reads a single column").isEmpty();
    assertThat(peer.checkInputs(Map.of("a", new ExampleShape(32, 250, 12), "b", new ExampleShape(32, 250, 12))))
        .as("two inputs").isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyTrainableVariableGetsANonZeroGradient(Cnn2d model) {
    assertThat(ModelChecks.gradientNorms(model, new ExampleShape(16, 40, 12), 5, 8))
        .allSatisfy((name, norm) -> assertThat(norm).as("gradient of %s in %s", name, model).isGreaterThan(0));
  }

  /** The peer configuration and a residual one (global average pooling alone would wash out random inputs). */
  static List<Cnn2d> overfitModels() {
    return List.of(Cnn2d.peerReference(),
        new Cnn2d(2, List.of(16, 32, 32), 3, true, true, "max", "concat", 0.25, List.of(32)));
  }

  @ParameterizedTest
  @MethodSource("overfitModels")
  void aTinyBatchIsOverfit(Cnn2d model) {
    float[] loss = ModelChecks.overfit(model, new ExampleShape(32, 64, 12), 5, 16, 1e-2, 150);
    assertThat(loss[1]).as("%s: loss after 150 steps, first was %s", model, loss[0]).isLessThan(loss[0] * 0.1f);
  }
}
