package org.sinus.plugins.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.model.Model;
import org.sinus.api.representation.ExampleShape;
import org.sinus.testkit.ModelChecks;
import org.sinus.engine.train.ModelGraph;
import org.sinus.engine.train.TrainingSession;
import org.sinus.engine.train.TrainingSettings;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class ModelGraphTest {
  static final ResNet1d RESNET = new ResNet1d(128, List.of(5, 3), 7, List.of(1, 1, 1), List.of(128), List.of(0.25, 0.5));
  static final Cnn1d CNN4 = new Cnn1d(List.of(64, 64, 64, 64), 7, false, 0, "avg", 0.0);

  @Test
  void resnet1dHasTheReferenceParameterCount() {
    try (ModelGraph graph = ModelGraph.build(RESNET, new ExampleShape(1, 250, 12), 5, true, 0.99, 1e-8, 0.01, 1)) {
      assertThat(graph.variables().parameterCount()).isEqualTo(473_349);
    }
    try (ModelGraph graph = ModelGraph.build(RESNET, new ExampleShape(1, 250, 12), 71, true, 0.99, 1e-8, 0.01, 1)) {
      assertThat(graph.variables().parameterCount()).isEqualTo(481_863);
    }
  }

  @Test
  void cnn1dDefaultsAreTheCnn4Reference() {
    try (ModelGraph graph = ModelGraph.build(CNN4, new ExampleShape(1, 1000, 12), 5, true, 0.99, 1e-8, 0.01, 1)) {
      assertThat(graph.variables().parameterCount()).isEqualTo(91_973);
    }
  }

  @Test
  void everyTrainableVariableGetsANonZeroGradient() {
    for (Model model : List.<Model>of(RESNET, CNN4)) {
      assertThat(ModelChecks.gradientNorms(model, new ExampleShape(1, 64, 12), 5, 8))
          .allSatisfy((name, norm) -> assertThat(norm).as("gradient of %s in %s", name, model).isGreaterThan(0));
    }
  }

  @Test
  void tinyBatchIsOverfit() {
    float[] loss = ModelChecks.overfit(RESNET, new ExampleShape(1, 64, 12), 5, 16, 1e-3, 60);
    assertThat(loss[1]).as("loss after 60 steps, first was %s", loss[0]).isLessThan(loss[0] * 0.1f);
  }

  @Test
  void singleLabelHeadTrainsWithSoftmaxCrossEntropy() {
    ExampleShape shape = new ExampleShape(1, 64, 12);
    try (ModelGraph graph = ModelGraph.build(CNN4, shape, 3, false, 0.99, 1e-8, 0.0, 5);
         TrainingSession session = new TrainingSession(graph, new TrainingSettings.Threads(0, 0, 1), false)) {
      int batch = 12;
      float[] x = ModelChecks.random(batch * shape.size(), 4);
      float[] y = new float[batch * 3];
      for (int i = 0; i < batch; i++) {
        y[i * 3 + i % 3] = 1;
      }
      try (TFloat32 inputs = TFloat32.tensorOf(Shape.of(shape.batched(batch)), DataBuffers.of(x, true, false));
           TFloat32 targets = TFloat32.tensorOf(Shape.of(batch, 3), DataBuffers.of(y, true, false))) {
        float first = session.trainStep(inputs, targets, 3e-3, 0.9, 0.99, 1, 1);
        assertThat((double) first).as("cross-entropy of near-uniform softmax").isCloseTo(Math.log(3), org.assertj.core.api.Assertions.within(0.3));
        float last = first;
        for (int step = 2; step <= 150; step++) {
          last = session.trainStep(inputs, targets, 3e-3, 0.9, 0.99, step, 1);
        }
        assertThat(last).isLessThan(first * 0.1f);
        float[] p = session.predict(x, batch);
        for (int i = 0; i < batch; i++) {
          assertThat(p[i * 3] + p[i * 3 + 1] + p[i * 3 + 2]).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-5f));
        }
      }
    }
  }

  @Test
  void restoredCheckpointGivesIdenticalPredictions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    ExampleShape shape = new ExampleShape(1, 64, 12);
    float[] x = ModelChecks.random(8 * shape.size(), 9);
    float[] y = new float[8 * 5];
    y[3] = 1;
    float[] before;
    try (ModelGraph graph = ModelGraph.build(RESNET, shape, 5, true, 0.99, 1e-8, 0.01, 5);
         TrainingSession session = new TrainingSession(graph, new TrainingSettings.Threads(1, 1, 1), false);
         TFloat32 inputs = TFloat32.tensorOf(Shape.of(shape.batched(8)), DataBuffers.of(x, true, false));
         TFloat32 targets = TFloat32.tensorOf(Shape.of(8, 5), DataBuffers.of(y, true, false))) {
      for (int step = 1; step <= 3; step++) {
        session.trainStep(inputs, targets, 1e-3, 0.9, 0.99, step, 2);   // moves weights and moving statistics
      }
      before = session.predict(x, 8);
      session.save(dir.resolve("ckpt/variables"));
    }
    try (ModelGraph graph = ModelGraph.build(RESNET, shape, 5, true, 0.99, 1e-8, 0.01, 77);   // other initial weights
         TrainingSession session = new TrainingSession(graph, new TrainingSettings.Threads(1, 1, 1), false)) {
      assertThat(session.predict(x, 8)).isNotEqualTo(before);
      session.restore(dir.resolve("ckpt/variables"));
      assertThat(session.predict(x, 8)).containsExactly(before);
    }
  }

  @Test
  void aModelWithAVariableOffThePathToTheLogitsFailsAtBuild() {
    org.sinus.api.model.Model unused = (net, input, shape, classes) -> {
      net.weight("orphan", new long[] {3}, 1, 1, org.sinus.api.nn.Initializer.constant(0f));
      return CNN4.logits(net, input, shape, classes);
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            ModelGraph.build(unused, new ExampleShape(1, 64, 12), 5, true, 0.99, 1e-8, 0.01, 1))
        .hasMessageContaining("variable orphan gets no gradient");
  }

  @Test
  void bf16PrecisionRewritesTheGraphToBfloat16() {
    ExampleShape shape = new ExampleShape(1, 64, 12);
    float[] x = ModelChecks.random(16 * shape.size(), 3);
    float[] fp32;
    float[] bf16;
    try (ModelGraph graph = ModelGraph.build(RESNET, shape, 5, true, 0.99, 1e-8, 0.01, 5);
         TrainingSession session = new TrainingSession(graph, new TrainingSettings.Threads(0, 0, 1), false)) {
      fp32 = session.predict(x, 16);
    }
    try (ModelGraph graph = ModelGraph.build(RESNET, shape, 5, true, 0.99, 1e-8, 0.01, 5);
         TrainingSession session = new TrainingSession(graph, new TrainingSettings.Threads(0, 0, 1), true)) {
      bf16 = session.predict(x, 16);
    }
    double largest = 0;
    for (int i = 0; i < fp32.length; i++) {
      largest = Math.max(largest, Math.abs(fp32[i] - bf16[i]));
    }
    // bfloat16 keeps 8 bits of mantissa: the probabilities move, but only a little
    assertThat(largest).isGreaterThan(1e-4).isLessThan(0.1);
  }

}
