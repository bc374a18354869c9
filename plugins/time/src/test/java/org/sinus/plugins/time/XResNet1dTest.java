package org.sinus.plugins.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigException;
import org.sinus.api.model.Model;
import org.sinus.api.nn.Network;
import org.sinus.api.nn.VariableStore;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelChecks;
import org.sinus.testkit.TestComponents;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * xresnet1d against the parameter counts of the benchmark's PyTorch networks, its zero-initialized
 * residual branches and its average-pooling shortcut (gradients and overfitting of small
 * configurations: {@link XResNet1dContractTest}).
 */
class XResNet1dTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new TimePlugin());
  static final ExampleShape INPUT = new ExampleShape(1, 250, 12);
  /** A small bottleneck variant as fastai initializes it (γ = 0 at the end of every residual branch). */
  static final XResNet1d SMALL_BOTTLENECK = new XResNet1d(4, List.of(1, 2), List.of(8, 16), List.of(8, 8, 16), 5, 5,
      true, List.of(16), List.of(0.1, 0.1));

  @Test
  void parameterCountsMatchTheBenchmarksNetworks() {
    // src/bench/xresnet1d-parameters.py: PyTorch, on a transcription of the fastai XResNet1d the benchmark configures
    assertThat(ModelChecks.parameterCount(XResNet1d.xresnet1d101(), INPUT, 5)).isEqualTo(33_555_333);
    assertThat(ModelChecks.parameterCount(new XResNet1d(4, List.of(3, 4, 6, 3), List.of(64, 128, 256, 512),
        List.of(32, 32, 64), 5, 5, true, List.of(128), List.of(0.25, 0.5)), INPUT, 5)).isEqualTo(19_019_653);
    assertThat(ModelChecks.parameterCount(new XResNet1d(1, List.of(2, 2, 2, 2), List.of(64, 128, 256, 512),
        List.of(32, 32, 64), 5, 5, true, List.of(128), List.of(0.25, 0.5)), INPUT, 5)).isEqualTo(6_436_229);
  }

  @Test
  void theReferenceDefaultsAreXresnet1d101() {
    assertThat(COMPONENTS.build(Model.POINT, "type = xresnet1d")).isEqualTo(XResNet1d.xresnet1d101());
    assertThatThrownBy(() -> COMPONENTS.build(Model.POINT,
        "type = xresnet1d, expansion = 2, widths = [64], kernel = 4"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(ComponentConfig.messages(e.problems()))
            .hasSize(3)
            .anySatisfy(m -> assertThat(m).contains("model.expansion"))
            .anySatisfy(m -> assertThat(m).contains("model.widths").contains("one width per stage"))
            .anySatisfy(m -> assertThat(m).contains("model.kernel").contains("odd")));
  }

  @Test
  void withZeroInitEachResidualBranchStartsSilentAndOnlyItsLastGammaLearnsFirst() {
    // γ = 0 cuts the branch's output: at the first step its earlier layers get no gradient, its last γ does
    var norms = ModelChecks.gradientNorms(SMALL_BOTTLENECK, new ExampleShape(1, 63, 12), 5, 8);
    assertThat(norms.get("stage0_block0/conv1/kernel")).isZero();
    assertThat(norms.get("stage0_block0/bn3/gamma")).isGreaterThan(0);
    assertThat(norms.get("stage1_block0/id_conv/kernel")).isGreaterThan(0);
  }

  @Test
  void aTinyBatchIsOverfitFromZeroInitializedBranches() {
    float[] loss = ModelChecks.overfit(SMALL_BOTTLENECK, new ExampleShape(1, 64, 12), 5, 16, 3e-3, 100);
    assertThat(loss[1]).as("loss after 100 steps, first was %s", loss[0]).isLessThan(loss[0] * 0.1f);
  }

  @Test
  void halvingByAverageIsPyTorchsCeilModeAveragePooling() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Network net = new Network(tf, Network.Mode.INFER, new VariableStore(tf, 1), null);
      Operand<TFloat32> x = tf.constant(new float[][][][] {{{{1f}, {3f}, {5f}, {7f}, {10f}}}});  // [1, 1, 5, 1]
      Operand<TFloat32> y = net.halveByAverage(x);                                          // [1, 1, 3, 1]
      assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 3, 1));
      try (TFloat32 result = (TFloat32) session.runner().fetch(y).run().get(0)) {
        // AvgPool1d(2, ceil_mode=True) on [1, 3, 5, 7, 10]: [2, 6, 10] (the last window holds one value)
        assertThat(ModelChecks.read(result)).containsExactly(2f, 6f, 10f);
      }
    }
  }
}
