package org.sinus.plugins.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelChecks;
import org.sinus.engine.train.ModelGraph;
import org.sinus.engine.train.TrainingSession;
import org.tensorflow.Operation;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

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

  @Test
  void attentionWeightsOfEveryQuerySumToOne() {
    CnnTransformer model = new CnnTransformer(32, 3, 4, 2, 64, "gelu", 0.1, "pre", "sinusoidal", "cls");
    ExampleShape shape = new ExampleShape(1, 10, 24);
    int batch = 3;
    try (ModelGraph graph = build(model, shape, 5, 2);
         TrainingSession session = new TrainingSession(graph, ModelChecks.THREADS, false);
         TFloat32 inputs = ModelChecks.tensor(ModelChecks.random(batch * shape.size(), 4), shape.batched(batch))) {
      for (String prefix : List.of("inference/block0", "inference/block1", "model/block1")) {
        Operation softmax = graph.graph().operation(prefix + "/attention/" + MultiHeadAttention.WEIGHTS);
        assertThat(softmax).as("softmax op of %s", prefix).isNotNull();
        try (TInt64 seed = TInt64.vectorOf(1, 1);
             Result result = session.session().runner().feed(graph.input(), inputs).feed(graph.dropoutSeed(), seed)
                 .fetch(softmax.output(0)).run()) {
          TFloat32 weights = (TFloat32) result.get(0);
          // 4 heads, 10 frames + the CLS token
          assertThat(weights.shape()).isEqualTo(Shape.of(batch, 4, 11, 11));
          float[] values = ModelChecks.read(weights);
          for (int row = 0; row < values.length / 11; row++) {
            double sum = 0;
            for (int key = 0; key < 11; key++) {
              float w = values[row * 11 + key];
              assertThat(w).isBetween(0f, 1f);
              sum += w;
            }
            assertThat(sum).as("%s, query row %d", prefix, row).isCloseTo(1.0, within(1e-5));
          }
        }
      }
    }
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
  void tinyBatchIsOverfit() {
    CnnTransformer model = new CnnTransformer(32, 3, 4, 2, 64, "gelu", 0.1, "pre", "sinusoidal", "mean");
    float[] loss = ModelChecks.overfit(model, new ExampleShape(1, 16, 24), 5, 16, 1e-3, 150);
    assertThat(loss[1]).as("loss after 150 steps, first was %s", loss[0]).isLessThan(loss[0] * 0.1f);
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

  static ModelGraph build(CnnTransformer model, ExampleShape shape, int classes, long seed) {
    return ModelGraph.build(model, shape, classes, true, 0.99, 1e-8, 0.01, seed);
  }




}
