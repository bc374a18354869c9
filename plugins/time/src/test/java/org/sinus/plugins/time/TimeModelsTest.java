package org.sinus.plugins.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.nn.Network;
import org.sinus.api.nn.VariableStore;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelChecks;
import org.sinus.testkit.TestComponents;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The resnet1d and cnn1d the reference.conf defaults build, against the parameter counts of their
 * references (gradients and overfitting: {@link ResNet1dContractTest}, {@link Cnn1dContractTest}).
 */
class TimeModelsTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new TimePlugin());
  static final ResNet1d RESNET = new ResNet1d(128, List.of(5, 3), 7, List.of(1, 1, 1), List.of(128),
      List.of(0.25, 0.5));
  static final Cnn1d CNN4 = new Cnn1d(List.of(64, 64, 64, 64), 7, false, 0, "avg", 0.0);

  @Test
  void theResnet1dDefaultsAreResnet1dWang() {
    assertThat(COMPONENTS.build(Model.POINT, "type = resnet1d")).isEqualTo(RESNET);
  }

  @Test
  void resnet1dHasTheReferenceParameterCount() {
    assertThat(ModelChecks.parameterCount(RESNET, new ExampleShape(1, 250, 12), 5)).isEqualTo(473_349);
    assertThat(ModelChecks.parameterCount(RESNET, new ExampleShape(1, 250, 12), 71)).isEqualTo(481_863);
  }

  @Test
  void cnn1dDefaultsAreTheCnn4Reference() {
    Model defaults = COMPONENTS.build(Model.POINT, "type = cnn1d");
    assertThat(defaults).isEqualTo(CNN4);
    assertThat(ModelChecks.parameterCount(defaults, new ExampleShape(1, 1000, 12), 5)).isEqualTo(91_973);
  }

  @Test
  void badModelSettingsAreConfigProblems() {
    assertThatThrownBy(() -> COMPONENTS.build(Model.POINT,
        "type = resnet1d, kernel-sizes = [5], head-units = [64, 32]"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::path)
            .containsExactlyInAnyOrder("model.kernel-sizes", "model.head-dropout"));
    assertThatThrownBy(() -> COMPONENTS.build(Model.POINT, "type = cnn1d, filters = [], pooling = mean"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::path)
            .containsExactlyInAnyOrder("model.filters", "model.pooling"));
  }

  /** {@code [features, logits]} widths of {@code model}'s inference graph for {@code [1, 250, 12]} examples. */
  private static long[] widths(String hocon) {
    Model model = COMPONENTS.build(Model.POINT, hocon);
    ExampleShape shape = new ExampleShape(1, 250, 12);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape.batched(-1))));
      ModelOutput output = model.build(new Network(tf, Network.Mode.INFER, new VariableStore(tf, 1), null),
          ModelInputs.single(input, shape), 5);
      return new long[] {output.features().shape().get(1), output.logits().shape().get(1)};
    }
  }

  @Test
  void theFeaturesAreWhatTheOutputLayerReads() {
    assertThat(widths("type = resnet1d")).as("the head's hidden layer").containsExactly(128, 5);
    assertThat(widths("type = resnet1d, filters = 16, head-units = [], head-dropout = [0.5]"))
        .as("max and average pooling of 16 filters").containsExactly(32, 5);
    assertThat(widths("type = cnn1d")).as("average pooling of 64 filters").containsExactly(64, 5);
    assertThat(widths("type = cnn1d, filters = [8, 24], pooling = concat")).containsExactly(48, 5);
  }

  @Test
  void theConvolutionalStagesAreFeatureMaps() {
    ExampleShape window = new ExampleShape(1, 250, 12);
    assertThat(ModelChecks.featureMaps(RESNET, window, 5)).containsExactly(
        entry("stem", new ExampleShape(1, 250, 128)), entry("stage0", new ExampleShape(1, 250, 128)),
        entry("stage1", new ExampleShape(1, 125, 128)), entry("stage2", new ExampleShape(1, 63, 128)));
    assertThat(ModelChecks.featureMaps(new Cnn1d(List.of(8, 16, 24), 5, true, 1, "avg", 0), window, 5))
        .as("before each pooling").containsExactly(
            entry("conv0", new ExampleShape(1, 250, 8)), entry("conv1", new ExampleShape(1, 125, 16)),
            entry("conv2", new ExampleShape(1, 62, 24)));
  }
}
