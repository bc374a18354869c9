package org.sinus.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.nn.Network;
import org.sinus.api.nn.VariableStore;
import org.sinus.api.representation.ExampleShape;
import org.sinus.engine.train.ModelGraph;
import org.sinus.engine.train.TrainingSession;
import org.sinus.engine.train.TrainingSettings;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The checks every model plugin's tests make, on random multi-label batches: that every trainable
 * variable gets a gradient, and that a tiny batch can be overfit.
 */
public final class ModelChecks {
  /** One intra-op and one inter-op thread pool as TensorFlow chooses, one loader thread. */
  public static final TrainingSettings.Threads THREADS = new TrainingSettings.Threads(0, 0, 1);

  private ModelChecks() {
  }

  /**
   * The squared L2 norm of each trainable variable's gradient, by variable name, on one batch of
   * random inputs and labels (dropout on, weight decay 0.01); fails if there are no trainable
   * variables or not one gradient for each.
   */
  public static Map<String, Double> gradientNorms(Model model, ExampleShape shape, int classes, int batch) {
    return gradientNorms(model, Map.of(ModelInputs.SINGLE, shape), classes, batch);
  }

  /** {@link #gradientNorms(Model, ExampleShape, int, int)} for a model of several inputs. */
  public static Map<String, Double> gradientNorms(Model model, Map<String, ExampleShape> shapes, int classes, int batch) {
    try (ModelGraph graph = ModelGraph.build(model, shapes, classes, true, 0.99, 1e-8, 0.01, 3);
         TrainingSession session = new TrainingSession(graph, THREADS, false);
         Tensors inputs = new Tensors(randomInputs(graph.shapes(), batch, 1));
         TFloat32 targets = tensor(labels(batch, classes, 2), batch, classes);
         TInt64 seed = TInt64.vectorOf(1, 1)) {
      Session.Runner runner = session.session().runner().feed(graph.targets(), targets).feed(graph.dropoutSeed(), seed);
      int k = 0;
      for (var input : graph.inputs().values()) {
        runner.feed(input, inputs.list().get(k++));
      }
      graph.gradients().forEach(runner::fetch);
      try (Result result = runner.run()) {
        List<String> names = graph.trainedNames();
        if (names.isEmpty() || result.size() != names.size()) {
          throw new AssertionError(result.size() + " gradients for " + names.size() + " trainable variables");
        }
        Map<String, Double> norms = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          double norm = 0;
          for (float v : read((TFloat32) result.get(i))) {
            norm += v * v;
          }
          norms.put(names.get(i), norm);
        }
        return norms;
      }
    }
  }

  /**
   * Trains on one batch of random inputs and labels for {@code steps} Adam steps without weight
   * decay and returns the losses of the first and the last step.
   */
  public static float[] overfit(Model model, ExampleShape shape, int classes, int batch, double learningRate, int steps) {
    return overfit(model, Map.of(ModelInputs.SINGLE, shape), classes, batch, learningRate, steps);
  }

  /** {@link #overfit(Model, ExampleShape, int, int, double, int)} for a model of several inputs. */
  public static float[] overfit(Model model, Map<String, ExampleShape> shapes, int classes, int batch,
                                double learningRate, int steps) {
    try (ModelGraph graph = ModelGraph.build(model, shapes, classes, true, 0.99, 1e-8, 0.0, 5);
         TrainingSession session = new TrainingSession(graph, THREADS, false);
         Tensors inputs = new Tensors(randomInputs(graph.shapes(), batch, 2));
         TFloat32 targets = tensor(labels(batch, classes, 3), batch, classes)) {
      float first = session.trainStep(inputs.list(), targets, learningRate, 0.9, 0.99, 1, 7);
      float last = first;
      for (int step = 2; step <= steps; step++) {
        last = session.trainStep(inputs.list(), targets, learningRate, 0.9, 0.99, step, 7);
      }
      return new float[] {first, last};
    }
  }

  /** The values of one graph tensor for a batch, with its shape. */
  public record Probe(long[] shape, float[] values) {}

  /**
   * Runs the model's graph (training and inference networks, as a run builds them) on one batch of
   * random inputs and returns the values of the named operations' first outputs (operations of
   * the training network are under {@code model/}, of the inference network under
   * {@code inference/}, e.g. {@code inference/block0/attention/weights}): for tests of a model's
   * internals.
   * Dropout draws with seed (1, 1).
   */
  public static Map<String, Probe> probe(Model model, ExampleShape shape, int classes, int batch, String... operations) {
    try (ModelGraph graph = ModelGraph.build(model, Map.of(ModelInputs.SINGLE, shape), classes, true, 0.99, 1e-8, 0.01, 2);
         TrainingSession session = new TrainingSession(graph, THREADS, false);
         Tensors inputs = new Tensors(randomInputs(graph.shapes(), batch, 4));
         TInt64 seed = TInt64.vectorOf(1, 1)) {
      Session.Runner runner = session.session().runner().feed(graph.inputs().values().iterator().next(),
          inputs.list().get(0)).feed(graph.dropoutSeed(), seed);
      for (String name : operations) {
        var operation = graph.graph().operation(name);
        if (operation == null) {
          throw new AssertionError("the graph has no operation " + name);
        }
        runner.fetch(operation.output(0));
      }
      try (Result result = runner.run()) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        for (int i = 0; i < operations.length; i++) {
          TFloat32 tensor = (TFloat32) result.get(i);
          probes.put(operations[i], new Probe(tensor.shape().asArray(), read(tensor)));
        }
        return probes;
      }
    }
  }

  /** Tensors that close together. */
  private record Tensors(List<TFloat32> list) implements AutoCloseable {
    @Override
    public void close() {
      list.forEach(TFloat32::close);
    }
  }

  /** One random {@code [batch, h, w, c]} tensor per input (uniform in [−1, 1), seeded). */
  private static List<TFloat32> randomInputs(Map<String, ExampleShape> shapes, int batch, long seed) {
    List<TFloat32> tensors = new ArrayList<>();
    long s = seed;
    for (ExampleShape shape : shapes.values()) {
      tensors.add(tensor(random(batch * shape.size(), s++), shape.batched(batch)));
    }
    return tensors;
  }

  /**
   * Trainable parameters of {@code model}'s inference network for {@code shape} (no gradients or
   * optimizer: fast to build even for large models); fails unless the logits are
   * {@code [batch, classes]}.
   */
  public static long parameterCount(Model model, ExampleShape shape, int classes) {
    return parameterCount(model, Map.of(ModelInputs.SINGLE, shape), classes);
  }

  /** {@link #parameterCount(Model, ExampleShape, int)} for a model of several inputs. */
  public static long parameterCount(Model model, Map<String, ExampleShape> shapes, int classes) {
    return inInferenceNetwork(model, shapes, classes, (network, variables) -> variables.parameterCount());
  }

  /**
   * The feature maps ({@link Network#featureMap}) that {@code model}'s inference network for
   * {@code shape} names, in order, with the shape of one example's map (built as
   * {@link #parameterCount(Model, ExampleShape, int)} builds it: fast).
   */
  public static Map<String, ExampleShape> featureMaps(Model model, ExampleShape shape, int classes) {
    return inInferenceNetwork(model, Map.of(ModelInputs.SINGLE, shape), classes, (network, variables) -> {
      Map<String, ExampleShape> maps = new LinkedHashMap<>();
      network.featureMaps().forEach((name, map) -> maps.put(name,
          new ExampleShape((int) map.shape().get(1), (int) map.shape().get(2), (int) map.shape().get(3))));
      return maps;
    });
  }

  /**
   * What {@code read} reads from the inference network of {@code model} for {@code shapes}, built
   * without initial values (no gradients or optimizer); fails unless the logits are
   * {@code [batch, classes]} and the features {@code [batch, d]}.
   */
  private static <T> T inInferenceNetwork(Model model, Map<String, ExampleShape> shapes, int classes,
                                          BiFunction<Network, VariableStore, T> read) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      VariableStore variables = VariableStore.withoutInitialValues(tf);
      Map<String, Operand<TFloat32>> inputs = new LinkedHashMap<>();
      shapes.forEach((name, shape) -> inputs.put(name,
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape.batched(-1))))));
      Network network = new Network(tf, Network.Mode.INFER, variables, null);
      ModelOutput output = model.build(network, ModelInputs.of(inputs, shapes), classes);
      if (output.logits().shape().numDimensions() != 2 || output.logits().shape().get(1) != classes) {
        throw new AssertionError("logits of shape " + output.logits().shape() + ", expected [batch, " + classes + "]");
      }
      if (output.features().shape().numDimensions() != 2) {
        throw new AssertionError("features of shape " + output.features().shape() + ", expected [batch, d]");
      }
      return read.apply(network, variables);
    }
  }

  /** {@code n} values uniform in [−1, 1), seeded. */
  public static float[] random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }

  /** Multi-hot labels {@code [batch, classes]}, each 1 with probability 1/3, seeded. */
  public static float[] labels(int batch, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] y = new float[batch * classes];
    for (int i = 0; i < y.length; i++) {
      y[i] = random.nextInt(3) == 0 ? 1 : 0;
    }
    return y;
  }

  /** A float tensor of {@code values} with {@code shape}; the caller closes it. */
  public static TFloat32 tensor(float[] values, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  /** A float tensor's values. */
  public static float[] read(TFloat32 tensor) {
    float[] values = new float[(int) tensor.size()];
    tensor.asRawTensor().data().asFloats().read(values);
    return values;
  }
}
