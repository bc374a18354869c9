package org.sinus.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.explain.FeatureMapGradients;
import org.sinus.api.model.InputRequirement;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.PretrainedPart;
import org.sinus.api.model.SingleInputModel;
import org.sinus.api.nn.Initializer;
import org.sinus.api.nn.Network;
import org.sinus.api.representation.ExampleShape;
import org.sinus.engine.testing.TinyConvNet;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The engine's graph of a model: heads, checkpoints, multi-input models, input gradients, precision. */
class ModelGraphTest {
  private static final TinyConvNet NET = new TinyConvNet(8, 0.2);
  private static final ExampleShape SHAPE = new ExampleShape(1, 32, 3);
  private static final TrainingSettings.Threads THREADS = new TrainingSettings.Threads(1, 1, 1);

  private static float[] random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }

  private static TFloat32 tensor(float[] values, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  @Test
  void singleLabelHeadTrainsWithSoftmaxCrossEntropy() {
    try (ModelGraph graph = ModelGraph.build(NET, SHAPE, 3, false, 0.99, 1e-8, 0.0, 5);
         TrainingSession session = new TrainingSession(graph, THREADS, false)) {
      int batch = 12;
      float[] x = random(batch * SHAPE.size(), 4);
      float[] y = new float[batch * 3];
      for (int i = 0; i < batch; i++) {
        y[i * 3 + i % 3] = 1;
      }
      try (TFloat32 inputs = tensor(x, SHAPE.batched(batch)); TFloat32 targets = tensor(y, batch, 3)) {
        float first = session.trainStep(List.of(inputs), targets, 1e-2, 0.9, 0.99, 1, 1);
        assertThat((double) first).as("cross-entropy of near-uniform softmax").isCloseTo(Math.log(3), within(0.4));
        float last = first;
        for (int step = 2; step <= 150; step++) {
          last = session.trainStep(List.of(inputs), targets, 1e-2, 0.9, 0.99, step, 1);
        }
        assertThat(last).isLessThan(first * 0.2f);
        float[] p = session.predict(new float[][] {x}, batch);
        for (int i = 0; i < batch; i++) {
          assertThat(p[i * 3] + p[i * 3 + 1] + p[i * 3 + 2]).isCloseTo(1f, within(1e-5f));
        }
      }
    }
  }

  @Test
  void restoredCheckpointGivesIdenticalPredictions(@TempDir Path dir) {
    float[] x = random(8 * SHAPE.size(), 9);
    float[] y = new float[8 * 5];
    y[3] = 1;
    float[] before;
    try (ModelGraph graph = ModelGraph.build(NET, SHAPE, 5, true, 0.99, 1e-8, 0.01, 5);
         TrainingSession session = new TrainingSession(graph, THREADS, false);
         TFloat32 inputs = tensor(x, SHAPE.batched(8));
         TFloat32 targets = tensor(y, 8, 5)) {
      for (int step = 1; step <= 3; step++) {
        session.trainStep(List.of(inputs), targets, 1e-3, 0.9, 0.99, step, 2);   // moves weights and moving statistics
      }
      before = session.predict(new float[][] {x}, 8);
      session.save(dir.resolve("ckpt/variables"));
    }
    try (ModelGraph graph = ModelGraph.build(NET, SHAPE, 5, true, 0.99, 1e-8, 0.01, 77);   // other initial weights
         TrainingSession session = new TrainingSession(graph, THREADS, false)) {
      assertThat(session.predict(new float[][] {x}, 8)).isNotEqualTo(before);
      session.restore(dir.resolve("ckpt/variables"));
      assertThat(session.predict(new float[][] {x}, 8)).containsExactly(before);
    }
  }

  @Test
  void aVariableOffThePathToTheLogitsFailsAtBuild() {
    SingleInputModel orphaned = new SingleInputModel() {
      @Override
      public InputRequirement accepts() {
        return NET.accepts();
      }

      @Override
      public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
        net.weight("orphan", new long[] {3}, 1, 1, Initializer.constant(0f));
        return NET.build(net, input, shape, classes);
      }
    };
    assertThatThrownBy(() -> ModelGraph.build(orphaned, SHAPE, 5, true, 0.99, 1e-8, 0.01, 1))
        .hasMessageContaining("variable orphan gets no gradient");
  }

  @Test
  void inputsTheModelCannotReadFailBeforeAnyGraphIsBuilt() {
    assertThatThrownBy(() -> ModelGraph.build(NET, new ExampleShape(16, 32, 3), 5, true, 0.99, 1e-8, 0.01, 1))
        .hasMessageContaining("reads [1, time, channels]").hasMessageContaining("[16, 32, 3]");
  }

  @Test
  void bf16PrecisionRewritesTheGraphToBfloat16() {
    float[] x = random(16 * SHAPE.size(), 3);
    float[] fp32;
    float[] bf16;
    try (ModelGraph graph = ModelGraph.build(NET, SHAPE, 5, true, 0.99, 1e-8, 0.01, 5);
         TrainingSession session = new TrainingSession(graph, THREADS, false)) {
      fp32 = session.predict(new float[][] {x}, 16);
    }
    try (ModelGraph graph = ModelGraph.build(NET, SHAPE, 5, true, 0.99, 1e-8, 0.01, 5);
         TrainingSession session = new TrainingSession(graph, THREADS, true)) {
      bf16 = session.predict(new float[][] {x}, 16);
    }
    double largest = 0;
    for (int i = 0; i < fp32.length; i++) {
      largest = Math.max(largest, Math.abs(fp32[i] - bf16[i]));
    }
    // bfloat16 keeps 8 bits of mantissa: the probabilities move, but only a little
    assertThat(largest).isGreaterThan(1e-5).isLessThan(0.1);
  }

  /** Two branches of different input shapes joined by their features: the multi-input path. */
  private static final Model TWO_BRANCHES = new Model() {
    @Override
    public List<String> checkInputs(Map<String, ExampleShape> inputs) {
      return inputs.keySet().equals(Set.of("a", "b")) ? List.of() : List.of("reads inputs a and b");
    }

    @Override
    public ModelOutput build(Network net, ModelInputs inputs, int classes) {
      ModelOutput a = NET.build(net.scope("a"), ModelInputs.single(inputs.get("a"), inputs.shape("a")), classes);
      ModelOutput b = NET.build(net.scope("b"), ModelInputs.single(inputs.get("b"), inputs.shape("b")), classes);
      Operand<TFloat32> joined = net.tf().concat(List.of(a.features(), b.features()), net.tf().constant(1)); // [batch, 2f]
      return ModelOutput.of(joined, () -> net.dense("fusion", joined, classes, true));                  // [batch, classes]
    }
  };

  @Test
  void aModelOfTwoInputsGetsOnePlaceholderEachAndTrains() {
    Map<String, ExampleShape> shapes = new LinkedHashMap<>();
    shapes.put("a", SHAPE);
    shapes.put("b", new ExampleShape(1, 20, 5));
    try (ModelGraph graph = ModelGraph.build(TWO_BRANCHES, shapes, 4, true, 0.99, 1e-8, 0.0, 3);
         TrainingSession session = new TrainingSession(graph, THREADS, false)) {
      assertThat(graph.inputs()).containsOnlyKeys("a", "b");
      assertThat(graph.inferenceFeatures().shape().get(1)).isEqualTo(16);
      assertThat(graph.variables().trainableNames()).anyMatch(n -> n.startsWith("a/")).anyMatch(n -> n.startsWith("b/"));
      float[] a = random(6 * SHAPE.size(), 1);
      float[] b = random(6 * 100, 2);
      float[] y = random(6 * 4, 3);
      for (int i = 0; i < y.length; i++) {
        y[i] = y[i] > 0 ? 1 : 0;
      }
      try (TFloat32 ta = tensor(a, SHAPE.batched(6)); TFloat32 tb = tensor(b, 6, 1, 20, 5); TFloat32 t = tensor(y, 6, 4)) {
        float first = session.trainStep(List.of(ta, tb), t, 3e-3, 0.9, 0.99, 1, 1);
        float last = first;
        for (int step = 2; step <= 80; step++) {
          last = session.trainStep(List.of(ta, tb), t, 3e-3, 0.9, 0.99, step, 1);
        }
        assertThat(last).isLessThan(first * 0.5f);
      }
      float[] p = session.predict(new float[][] {a, b}, 6);
      assertThat(p).hasSize(24);
      float[] withOtherB = session.predict(new float[][] {a, random(6 * 100, 9)}, 6);
      assertThat(withOtherB).as("the second input matters").isNotEqualTo(p);
    }
  }

  /** {@link #TWO_BRANCHES} whose branch "a" comes from a trained run and stays frozen for the first epoch. */
  private static Model twoBranchesWithPretrainedA(Path run) {
    return new Model() {
      @Override
      public List<PretrainedPart> pretrained() {
        return List.of(new PretrainedPart("model.branches.a.from-run", "a", "a", run, Map.of(), 1));
      }

      @Override
      public List<String> checkInputs(Map<String, ExampleShape> inputs) {
        return TWO_BRANCHES.checkInputs(inputs);
      }

      @Override
      public ModelOutput build(Network net, ModelInputs inputs, int classes) {
        return TWO_BRANCHES.build(net, inputs, classes);
      }
    };
  }

  private static Map<String, float[]> values(TrainingSession session, String prefix) {
    Map<String, float[]> values = new LinkedHashMap<>();
    session.variableValues().forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        values.put(name, value);
      }
    });
    return values;
  }

  private static String kernel(Collection<String> names) {
    return names.stream().filter(name -> name.contains("conv1") && !name.contains("_adam_")).findFirst().orElseThrow();
  }

  @Test
  void aPartStartsFromItsRunsWeightsAndStaysUnchangedWhileFrozen(@TempDir Path dir) {
    // the part's weights come from a model of its own, trained one step (weights and moving statistics moved)
    Map<String, ExampleShape> shapes = new LinkedHashMap<>();
    shapes.put("a", SHAPE);
    shapes.put("b", new ExampleShape(1, 20, 5));
    Map<String, float[]> trainedAlone;
    try (ModelGraph alone = ModelGraph.build(NET, SHAPE, 4, true, 0.99, 1e-8, 0.0, 21);
         TrainingSession session = new TrainingSession(alone, THREADS, false)) {
      float[] x = random(6 * SHAPE.size(), 8);
      try (TFloat32 inputs = tensor(x, SHAPE.batched(6)); TFloat32 targets = tensor(new float[24], 6, 4)) {
        session.trainStep(List.of(inputs), targets, 1e-2, 0.9, 0.99, 1, 1);   // weights and moving statistics move
      }
      trainedAlone = session.variableValues();
    }
    try (ModelGraph graph = ModelGraph.build(twoBranchesWithPretrainedA(dir.resolve("run")), shapes, 4, true, 0.99,
        1e-8, 0.01, 3);
         TrainingSession session = new TrainingSession(graph, THREADS, false)) {
      session.loadPart("a", trainedAlone);
      Map<String, float[]> loaded = values(session, "a/");
      assertThat(loaded).isNotEmpty().doesNotContainKey("a/head/kernel");
      loaded.forEach((name, value) -> assertThat(value).as(name).isEqualTo(trainedAlone.get(name.substring(2))));
      float[] a = random(6 * SHAPE.size(), 1);
      float[] b = random(6 * 100, 2);
      float[] y = random(6 * 4, 3);
      for (int i = 0; i < y.length; i++) {
        y[i] = y[i] > 0 ? 1 : 0;
      }
      Map<String, float[]> bBefore = values(session, "b/");
      try (TFloat32 ta = tensor(a, SHAPE.batched(6)); TFloat32 tb = tensor(b, 6, 1, 20, 5); TFloat32 t = tensor(y, 6, 4)) {
        for (int step = 1; step <= 3; step++) {
          session.trainStep(1, List.of(ta, tb), t, 1e-2, 0.9, 0.99, step, 1);
        }
        Map<String, float[]> frozen = values(session, "a/");
        frozen.forEach((name, value) -> assertThat(value).as("%s in the frozen epoch", name).isEqualTo(loaded.get(name)));
        String bKernel = kernel(bBefore.keySet());
        assertThat(values(session, "b/").get(bKernel)).as("the other branch trains").isNotEqualTo(bBefore.get(bKernel));
        session.trainStep(2, List.of(ta, tb), t, 1e-2, 0.9, 0.99, 4, 1);
        String aKernel = kernel(loaded.keySet());
        assertThat(values(session, "a/").get(aKernel)).as("trained once unfrozen").isNotEqualTo(loaded.get(aKernel));
      }
      assertThat(graph.trainsIn(1)).isTrue();
    }
  }

  @Test
  void inputGradientsAgreeWithFiniteDifferences() {
    try (ModelGraph graph = ModelGraph.build(NET, SHAPE, 4, true, 0.99, 1e-8, 0.0, 11);
         TrainingSession session = new TrainingSession(graph, THREADS, false)) {
      int count = 3;
      float[] x = random(count * SHAPE.size(), 5);
      int[] labels = {2, 0, 3};
      float[] selector = new float[count * 4];
      for (int i = 0; i < count; i++) {
        selector[i * 4 + labels[i]] = 1;
      }
      for (boolean logits : new boolean[] {false, true}) {
        float[] gradient = session.inputGradients(new float[][] {x}, count, selector, logits)[0];
        assertThat(gradient).hasSize(x.length);
        // central differences in float32 of a few values of each example
        for (int i = 0; i < count; i++) {
          for (int j : new int[] {0, 17, SHAPE.size() - 1}) {
            int at = i * SHAPE.size() + j;
            double h = 1e-3;
            float[] plus = x.clone();
            float[] minus = x.clone();
            plus[at] += (float) h;
            minus[at] -= (float) h;
            double numeric = (output(session, plus, count, i, labels[i], logits)
                - output(session, minus, count, i, labels[i], logits)) / (2 * h);
            assertThat((double) gradient[at]).as("d output / d x[%d], logits %s", at, logits)
                .isCloseTo(numeric, within(2e-3 + 0.05 * Math.abs(numeric)));
          }
        }
      }
    }
  }

  @Test
  void featureMapGradientsAgreeWithFiniteDifferences() {
    try (ModelGraph graph = ModelGraph.build(NET, SHAPE, 4, true, 0.99, 1e-8, 0.0, 11);
         TrainingSession session = new TrainingSession(graph, THREADS, false)) {
      assertThat(graph.featureMaps()).containsExactly("conv1", "conv2");
      int count = 2;
      float[] x = random(count * SHAPE.size(), 6);
      int[] labels = {1, 3};
      float[] selector = new float[count * 4];
      for (int i = 0; i < count; i++) {
        selector[i * 4 + labels[i]] = 1;
      }
      FeatureMapGradients second = session.featureMapGradients(new float[][] {x}, count, selector, true, "conv2");
      assertThat(new int[] {second.count(), second.height(), second.width(), second.channels()})
          .containsExactly(count, 1, SHAPE.width() / 2, 8);
      for (boolean logits : new boolean[] {false, true}) {
        FeatureMapGradients maps = session.featureMapGradients(new float[][] {x}, count, selector, logits, "conv1");
        assertThat(new int[] {maps.count(), maps.height(), maps.width(), maps.channels()})
            .containsExactly(count, 1, SHAPE.width(), 8);
        float[] activations = maps.activations();
        assertThat(activations).containsExactly(run(session, x, count, null, graph.featureMap("conv1")));
        Operand<TFloat32> output = logits ? graph.inferenceLogits() : graph.probabilities();
        // central differences in float32: the feature map's tensor is fed, perturbed, in place of its value
        for (int i = 0; i < count; i++) {
          for (int j : new int[] {3, 8 * 13 + 5, maps.size() - 1}) {
            int at = i * maps.size() + j;
            double h = 1e-3;
            float[] plus = activations.clone();
            float[] minus = activations.clone();
            plus[at] += (float) h;
            minus[at] -= (float) h;
            int selected = i * 4 + labels[i];
            double numeric = (run(session, x, count, plus, output)[selected]
                - run(session, x, count, minus, output)[selected]) / (2 * h);
            assertThat((double) maps.gradients()[at]).as("d output / d conv1[%d], logits %s", at, logits)
                .isCloseTo(numeric, within(2e-3 + 0.05 * Math.abs(numeric)));
          }
        }
      }
      assertThatThrownBy(() -> graph.featureMap("conv3")).hasMessageContaining("[conv1, conv2]");
    }
  }

  /** {@code fetch} of the inference network for {@code x}, with feature map {@code conv1} fed as {@code map} unless null. */
  private static float[] run(TrainingSession session, float[] x, int count, float[] map, Operand<TFloat32> fetch) {
    ModelGraph graph = session.graph();
    try (TFloat32 input = tensor(x, SHAPE.batched(count));
         TFloat32 fed = map == null ? null : tensor(map, count, 1, SHAPE.width(), 8)) {
      var runner = session.session().runner().feed(graph.inputs().values().iterator().next(), input);
      if (fed != null) {
        runner.feed(graph.featureMap("conv1"), fed);
      }
      try (var result = runner.fetch(fetch).run()) {
        TFloat32 out = (TFloat32) result.get(0);
        float[] values = new float[(int) out.size()];
        out.asRawTensor().data().asFloats().read(values);
        return values;
      }
    }
  }

  private static double output(TrainingSession session, float[] x, int count, int example, int label, boolean logit) {
    float p = session.predict(new float[][] {x}, count)[example * 4 + label];
    return logit ? Math.log(p / (1 - p)) : p;
  }
}
