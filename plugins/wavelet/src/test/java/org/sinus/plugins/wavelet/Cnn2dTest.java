package org.sinus.plugins.wavelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinus.framework.config.ComponentConfig;
import org.sinus.framework.config.ProblemCollector;
import org.sinus.framework.representation.ExampleShape;
import org.sinus.framework.train.ModelGraph;
import org.sinus.framework.train.TrainingSession;
import org.sinus.framework.train.TrainingSettings;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

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
    try (ModelGraph graph = ModelGraph.build(Cnn2d.peerReference(), new ExampleShape(32, 250, 12), 5, true, 0.99, 1e-8,
        0.01, 1)) {
      assertThat(graph.variables().parameterCount()).isEqualTo(100_261);
    }
  }

  @Test
  void theReferenceDefaultsAreThePeerConfiguration() {
    com.typesafe.config.Config defaults = ConfigFactory.parseResources("reference.conf").getConfig("sinus.model.cnn2d");
    ProblemCollector problems = new ProblemCollector();
    ComponentConfig block = new ComponentConfig("model", defaults, problems);
    Object model = new Cnn2d.Factory().create(block);
    assertThat(problems.problems()).isEmpty();
    assertThat(block.unreadKeys()).isEmpty();
    assertThat(model).isEqualTo(Cnn2d.peerReference());

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
    try (ModelGraph graph = ModelGraph.build(Cnn2d.peerReference(), new ExampleShape(1, 250, 12), 5, true, 0.99, 1e-8,
        0.01, 1)) {
      assertThat(graph.variables().parameterCount()).isEqualTo(100_261);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyTrainableVariableGetsANonZeroGradient(Cnn2d model) {
    ExampleShape shape = new ExampleShape(16, 40, 12);
    try (ModelGraph graph = ModelGraph.build(model, shape, 5, true, 0.99, 1e-8, 0.01, 3);
         TrainingSession session = new TrainingSession(graph, new TrainingSettings.Threads(0, 0, 1), false)) {
      int batch = 8;
      float[] x = random(batch * shape.size(), 1);
      float[] y = new float[batch * 5];
      for (int i = 0; i < batch; i++) {
        y[i * 5 + i % 5] = 1;
      }
      try (TFloat32 inputs = TFloat32.tensorOf(Shape.of(shape.batched(batch)), DataBuffers.of(x, true, false));
           TFloat32 targets = TFloat32.tensorOf(Shape.of(batch, 5), DataBuffers.of(y, true, false));
           TInt64 seed = TInt64.vectorOf(1, 1)) {
        var runner = session.session().runner().feed(graph.input(), inputs).feed(graph.targets(), targets)
            .feed(graph.dropoutSeed(), seed);
        graph.gradients().forEach(runner::fetch);
        try (Result result = runner.run()) {
          List<String> names = graph.variables().trainableNames();
          assertThat(result.size()).isEqualTo(names.size());
          for (int i = 0; i < names.size(); i++) {
            TFloat32 gradient = (TFloat32) result.get(i);
            float[] values = new float[(int) gradient.size()];
            gradient.asRawTensor().data().asFloats().read(values);
            double norm = 0;
            for (float v : values) {
              norm += v * v;
            }
            assertThat(norm).as("gradient of %s", names.get(i)).isGreaterThan(0);
          }
        }
      }
    }
  }

  /** The peer configuration and a residual one (global average pooling alone would wash out random inputs). */
  static List<Cnn2d> overfitModels() {
    return List.of(Cnn2d.peerReference(), new Cnn2d(2, List.of(16, 32, 32), 3, true, true, "max", "concat", 0.25, List.of(32)));
  }

  @ParameterizedTest
  @MethodSource("overfitModels")
  void aTinyBatchIsOverfit(Cnn2d model) {
    ExampleShape shape = new ExampleShape(32, 64, 12);
    try (ModelGraph graph = ModelGraph.build(model, shape, 5, true, 0.99, 1e-8, 0.0, 5);
         TrainingSession session = new TrainingSession(graph, new TrainingSettings.Threads(0, 0, 1), false)) {
      int batch = 16;
      float[] x = random(batch * shape.size(), 2);
      float[] y = new float[batch * 5];
      SplittableRandom random = new SplittableRandom(3);
      for (int i = 0; i < y.length; i++) {
        y[i] = random.nextInt(3) == 0 ? 1 : 0;
      }
      try (TFloat32 inputs = TFloat32.tensorOf(Shape.of(shape.batched(batch)), DataBuffers.of(x, true, false));
           TFloat32 targets = TFloat32.tensorOf(Shape.of(batch, 5), DataBuffers.of(y, true, false))) {
        float first = session.trainStep(inputs, targets, 1e-2, 0.9, 0.99, 1, 7);
        float last = first;
        for (int step = 2; step <= 150; step++) {
          last = session.trainStep(inputs, targets, 1e-2, 0.9, 0.99, step, 7);
        }
        assertThat(last).as("%s: loss after 150 steps, first was %s", model, first).isLessThan(first * 0.1f);
      }
    }
  }

  static float[] random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }
}
