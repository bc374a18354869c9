package org.sinus.plugins.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.model.Model;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelChecks;
import org.sinus.testkit.TestComponents;

/**
 * The {@code cnn-transformer}'s size against the PyTorch peer, its variants, attention and config.
 * Gradients, overfitting and input checks are in {@link CnnTransformerContractTest}.
 */
class CnnTransformerTest {
  /** The peer's input: 16 STFT frames × (12 leads × 33 bins). */
  static final ExampleShape PEER_INPUT = new ExampleShape(1, 16, 396);

  @Test
  void peerConfigurationHasThePeersParameterCount() {
    // torch_ptbxl_models.py FFTTransformer(d_model 128, 3 layers, 4 heads, FF 256) with 12 × 33 inputs
    // and 5 classes: 152,064 + 256 (stem conv, BN) + 3 × 132,480 (blocks) + 256 (final LN) + 645 (head)
    assertThat(count(CnnTransformer.peer(), PEER_INPUT)).isEqualTo(550_661);
  }

  @Test
  void variantsBuildWithTheExpectedExtraParameters() {
    ExampleShape shape = new ExampleShape(1, 12, 20);
    long base = count(new CnnTransformer(32, 3, 4, 2, 64, "gelu", 0.1, "pre", "sinusoidal", "mean"), shape);
    // stem 20·32·3 + 64, 2 blocks of 4·(32·32 + 32) + 2·32·64 + 64 + 32 + 4·32, final LN 64, head 32·5 + 5
    assertThat(base).isEqualTo(1920 + 64 + 2 * (4224 + 4096 + 96 + 128) + 64 + 165);
    // a CLS token adds d values
    assertThat(count(new CnnTransformer(32, 3, 4, 2, 64, "gelu", 0.1, "pre", "sinusoidal", "cls"), shape))
        .isEqualTo(base + 32);
    // learned positions add width × d values
    assertThat(count(new CnnTransformer(32, 3, 4, 2, 64, "gelu", 0.1, "pre", "learned", "mean"), shape))
        .isEqualTo(base + 12 * 32);
    // attention pooling adds a d → 1 scoring layer
    assertThat(count(new CnnTransformer(32, 3, 4, 2, 64, "relu", 0.1, "pre", "none", "attention"), shape))
        .isEqualTo(base + 33);
    // post-LN has no final LayerNorm
    assertThat(count(new CnnTransformer(32, 3, 4, 2, 64, "gelu", 0.1, "post", "sinusoidal", "mean"), shape))
        .isEqualTo(base - 64);
  }

  /** Trainable parameters of the inference network alone, for 5 classes. */
  private static long count(CnnTransformer model, ExampleShape shape) {
    return ModelChecks.parameterCount(model, shape, 5);
  }

  /**
   * The softmax of every block's attention, in the inference network and in the training one (before
   * the dropout of the weights), is a distribution over the keys for every query.
   */
  @Test
  void attentionWeightsOfEveryQuerySumToOne() {
    CnnTransformer model = new CnnTransformer(32, 3, 4, 2, 64, "gelu", 0.1, "pre", "sinusoidal", "cls");
    ExampleShape shape = new ExampleShape(1, 10, 24);
    int batch = 3;
    List<String> operations = List.of("inference/block0", "inference/block1", "model/block1").stream()
        .map(prefix -> prefix + "/attention/" + MultiHeadAttention.WEIGHTS).toList();
    Map<String, ModelChecks.Probe> probes = ModelChecks.probe(model, shape, 5, batch,
        operations.toArray(String[]::new));
    assertThat(probes).containsOnlyKeys(operations);
    probes.forEach((name, probe) -> {
      // 4 heads, 10 frames + the CLS token
      assertThat(probe.shape()).as(name).containsExactly(batch, 4, 11, 11);
      float[] values = probe.values();
      assertThat(values).hasSize(batch * 4 * 11 * 11);
      boolean uniform = true;
      for (int row = 0; row < values.length / 11; row++) {
        double sum = 0;
        for (int key = 0; key < 11; key++) {
          float w = values[row * 11 + key];
          assertThat(w).isBetween(0f, 1f);
          uniform &= Math.abs(w - 1 / 11.0) < 1e-4;
          sum += w;
        }
        assertThat(sum).as("%s, query row %d", name, row).isCloseTo(1.0, within(1e-5));
      }
      assertThat(uniform).as("%s attends to some keys more than to others", name).isFalse();
    });
  }

  @Test
  void everyTrainableVariableGetsANonZeroGradient() {
    for (CnnTransformer model : List.of(
        new CnnTransformer(32, 3, 4, 2, 64, "gelu", 0.1, "pre", "learned", "cls"),
        new CnnTransformer(32, 3, 2, 2, 48, "relu", 0.1, "post", "sinusoidal", "attention"))) {
      assertThat(ModelChecks.gradientNorms(model, new ExampleShape(1, 12, 20), 5, 8))
          .allSatisfy((name, norm) -> assertThat(norm).as("gradient of %s (%s)", name, model).isGreaterThan(0));
    }
  }

  @Test
  void sinusoidalTableMatchesTheTransformerFormula() {
    float[][] table = CnnTransformer.sinusoidal(16, 128);
    assertThat(table[0][0]).isEqualTo(0f);
    assertThat(table[0][1]).isEqualTo(1f);
    // position 5, pair i = 3: ω = 10000^(−6/128)
    double omega = Math.pow(10000, -6.0 / 128);
    assertThat((double) table[5][6]).isCloseTo(Math.sin(5 * omega), within(1e-6));
    assertThat((double) table[5][7]).isCloseTo(Math.cos(5 * omega), within(1e-6));
  }

  @Test
  void theDefaultsAreThePeersFftTransformer() {
    ProblemCollector problems = new ProblemCollector();
    ComponentConfig config = new ComponentConfig("model",
        ConfigFactory.parseResources("reference.conf").getConfig("sinus.model.cnn-transformer"), problems);
    Model model = new CnnTransformer.Factory().create(config);
    assertThat(problems.problems()).isEmpty();
    assertThat(config.unreadKeys()).isEmpty();
    assertThat(model).isEqualTo(CnnTransformer.peer());
    assertThat(TestComponents.of(new FftPlugin()).build(Model.POINT, "type = cnn-transformer"))
        .isEqualTo(CnnTransformer.peer());
  }

  @Test
  void badHyperparametersAreReportedWithTheirKeys() {
    assertThatThrownBy(() -> TestComponents.of(new FftPlugin()).build(Model.POINT,
        "type = cnn-transformer, d-model = 30, heads = 4, stem-kernel = 4, pooling = max"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("model.heads").hasMessageContaining("not divisible by 4 heads")
        .hasMessageContaining("model.stem-kernel").hasMessageContaining("odd")
        .hasMessageContaining("model.pooling");
  }
}
