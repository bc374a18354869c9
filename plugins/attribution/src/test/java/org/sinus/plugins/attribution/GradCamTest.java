package org.sinus.plugins.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ConfigException;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.FeatureMapGradients;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.model.InputRequirement;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.SingleInputModel;
import org.sinus.api.nn.Initializer;
import org.sinus.api.nn.Network;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.util.Json;
import org.sinus.testkit.ExplainerFixture;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestModels;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Grad-CAM: its settings, its map, its upsampling, where it puts relevance, and models it cannot explain. */
class GradCamTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new AttributionPlugin());
  /** Samples of each window the region model reads. */
  private static final int FROM = 40;
  private static final int TO = 60;

  @TempDir
  Path cache;

  /**
   * A model whose class scores depend only on samples {@code [FROM, TO)} of its window: the input
   * is masked to them, then a stride-2 convolution without bias and a ReLU (the feature map
   * {@code region}, at half the time resolution), global average pooling and a linear layer of
   * positive weights.
   */
  private record RegionModel() implements SingleInputModel {
    @Override
    public InputRequirement accepts() {
      return InputRequirement.oneDimensional(1);
    }

    @Override
    public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
      Ops tf = net.tf();
      float[] mask = new float[shape.width()];
      for (int t = FROM; t < TO; t++) {
        mask[t] = 1;
      }
      Operand<TFloat32> masked = tf.math.mul(input, tf.reshape(tf.constant(mask),
          tf.constant(new long[] {1, 1, shape.width(), 1})));                            // [batch, 1, T, leads]
      Operand<TFloat32> map = net.featureMap("region",
          net.relu(net.conv1d("conv", masked, 8, 3, 2, 1, false)));                     // [batch, 1, T / 2, 8]
      Operand<TFloat32> pooled = net.globalAvgPool(map);                                 // [batch, 8]
      Initializer positive = (dims, fanIn, fanOut, random) -> {
        float[] values = Initializer.kaimingNormal().values(dims, fanIn, fanOut, random);
        for (int i = 0; i < values.length; i++) {
          values[i] = Math.abs(values[i]) + 0.1f;
        }
        return values;
      };
      return ModelOutput.of(pooled, () -> net.dense("linear", pooled, classes, false, positive)); // [batch, classes]
    }
  }

  @Test
  void settingsComeFromTheBlockOverTheDefaults() {
    GradCam defaults = (GradCam) COMPONENTS.build(Explainer.POINT, "type = grad-cam");
    assertThat(defaults.layer()).isEqualTo(GradCam.LAST);
    assertThat(defaults.output()).isEqualTo(ModelHandle.Output.LOGIT);
    GradCam chosen = (GradCam) COMPONENTS.build(Explainer.POINT, "type = grad-cam, layer = stage1, output = probability");
    assertThat(chosen.layer()).isEqualTo("stage1");
    assertThat(chosen.output()).isEqualTo(ModelHandle.Output.PROBABILITY);
    assertThat(COMPONENTS.unreadDefaults(Explainer.POINT, "type = grad-cam")).isEmpty();
    assertThatThrownBy(() -> COMPONENTS.build(Explainer.POINT, "type = grad-cam, layer = \"\", output = score"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(p -> p.path())
            .containsExactlyInAnyOrder("explainer.layer", "explainer.output"));
  }

  @Test
  void theMapIsTheReluOfTheActivationsWeightedByTheMeanGradientOfEachChannel() {
    // one example, a 1 × 3 map of 2 channels: α = (mean(1, 2, 3), mean(−1, −1, −1)) = (2, −1)
    float[] activations = {1, 4, 2, 1, 0, 5};
    float[] gradients = {1, -1, 2, -1, 3, -1};
    float[] map = GradCam.map(new FeatureMapGradients("m", 1, 1, 3, 2, activations, gradients), 0);
    assertThat(map).containsExactly(0, 3, 0);                                             // ReLU(−2, 3, −5)
  }

  @Test
  void theMapIsUpsampledBilinearlyWithTheCellCentresAligned() {
    // as torch.nn.functional.interpolate(mode="bilinear", align_corners=False)
    assertThat(GradCam.upsample(new float[] {0, 1}, 1, 2, 1, 4)).containsExactly(0, 0.25f, 0.75f, 1);
    assertThat(GradCam.upsample(new float[] {0, 1, 2, 3}, 2, 2, 4, 4)).containsExactly(
        0, 0.25f, 0.75f, 1,
        0.5f, 0.75f, 1.25f, 1.5f,
        1.5f, 1.75f, 2.25f, 2.5f,
        2, 2.25f, 2.75f, 3);
    assertThat(GradCam.upsample(new float[] {7}, 1, 1, 2, 3)).containsOnly(7);
  }

  @Test
  void theMapLiesWhereTheClassScoreLooksAndEveryLeadGetsIt() {
    try (ExplainerFixture fixture = ExplainerFixture.of(new RegionModel(), cache)) {
      Explainer gradCam = COMPONENTS.build(Explainer.POINT, "type = grad-cam");
      for (int[] starts : List.of(new int[] {100}, new int[] {0, 100, 200, 300})) {
        Explanation e = gradCam.explain(fixture.context(), fixture.target(starts, 2));
        assertThat(e.details()).containsEntry("layer", "region").containsEntry("layer_shape", List.of(1, 50, 8));
        assertThat(Json.pretty(e.details())).contains("\"layer_maps\"");
        assertThat(e.notes()).anyMatch(note -> note.contains("every lead gets the same relevance"));
        double[] weights = fixture.context().scoring().windowWeights(scores(fixture, starts));
        float[] signal = e.signal();
        double inside = 0;
        double total = 0;
        for (int t = 0; t < 400; t++) {
          for (int lead = 0; lead < 12; lead++) {
            assertThat(signal[t * 12 + lead]).as("sample %d, lead %d", t, lead).isEqualTo(signal[t * 12])
                .isGreaterThanOrEqualTo(0);
            total += signal[t * 12 + lead];
          }
          for (int w = 0; w < starts.length; w++) {
            // the stride-2 convolution of kernel 3 reaches one sample beyond the region, linear upsampling one more cell
            if (weights[w] > 0 && t >= starts[w] + FROM - 4 && t < starts[w] + TO + 4) {
              inside += 12 * signal[t * 12];
            }
          }
        }
        assertThat(total).isGreaterThan(0);
        assertThat(inside / total).as("share of the map where the score looks, windows %s", starts)
            .isCloseTo(1, within(1e-6));
        int start = starts[IntStream.range(0, starts.length).filter(w -> weights[w] > 0).findFirst().orElseThrow()];
        for (int t = start + FROM + 2; t < start + TO - 2; t++) {
          assertThat(signal[t * 12]).as("inside the region, sample %d", t).isPositive();
        }
      }
    }
  }

  private static double[] scores(ExplainerFixture fixture, int[] starts) {
    ExplainerContext context = fixture.context();
    float[] probabilities = context.model().predict(Attributions.windows(context, fixture.target(starts, 2)));
    return RelevanceMaps.scores(probabilities, 3, 2, starts.length);
  }

  @Test
  void aModelWithoutFeatureMapsOrWithoutTheChosenOneIsAConfigurationError() {
    try (ExplainerFixture linear = ExplainerFixture.of(new LinearTestModel(), cache)) {
      Explainer gradCam = COMPONENTS.build(Explainer.POINT, "type = grad-cam");
      assertThatThrownBy(() -> gradCam.explain(linear.context(), linear.target(new int[] {0}, 0)))
          .isInstanceOf(ConfigException.class).hasMessageContaining("explainer.layer")
          .hasMessageContaining("exposes none");
    }
    try (ExplainerFixture small = ExplainerFixture.of(TestModels.small(), cache)) {
      Explainer gradCam = COMPONENTS.build(Explainer.POINT, "type = grad-cam, layer = stage9");
      assertThatThrownBy(() -> gradCam.explain(small.context(), small.target(new int[] {0}, 0)))
          .isInstanceOf(ConfigException.class).hasMessageContaining("no feature map 'stage9'")
          .hasMessageContaining("[conv]");
    }
  }
}
