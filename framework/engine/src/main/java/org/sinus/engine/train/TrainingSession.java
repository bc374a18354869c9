package org.sinus.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.explain.FeatureMapGradients;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A TensorFlow session over a {@link ModelGraph}: runs training steps and inference, saves and
 * restores the variables. Not thread-safe: one thread drives it.
 */
public final class TrainingSession implements AutoCloseable {
  private final ModelGraph graph;
  private final Session session;
  private final boolean bf16;

  /**
   * @param threads TensorFlow's intra-/inter-op threads (0 = TensorFlow's default)
   * @param bf16 whether oneDNN's bfloat16 auto-mixed-precision rewriter is on
   */
  public TrainingSession(ModelGraph graph, TrainingSettings.Threads threads, boolean bf16) {
    this.graph = graph;
    this.bf16 = bf16;
    this.session = new Session(graph.graph(), config(threads, bf16));
    session.initialize();
  }

  static ConfigProto config(TrainingSettings.Threads threads, boolean bf16) {
    ConfigProto.Builder config = ConfigProto.newBuilder();
    if (threads.intraOp() > 0) {
      config.setIntraOpParallelismThreads(threads.intraOp());
    }
    if (threads.interOp() > 0) {
      config.setInterOpParallelismThreads(threads.interOp());
    }
    if (bf16) {
      config.setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(RewriterConfig.newBuilder()
          .setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON)));
    }
    return config.build();
  }

  /**
   * Decides the precision: {@code auto} means bf16 where the CPU has native bf16 kernels (AMX or
   * AVX512-BF16) and oneDNN is on. {@code bf16} needs oneDNN, whose rewriter does the conversion;
   * without it the setting would silently train in fp32, so it fails instead.
   */
  public static boolean useBf16(TrainingSettings.Precision precision) {
    return switch (precision) {
      case FP32 -> false;
      case BF16 -> {
        if (!CpuFeatures.oneDnnEnabled()) {
          throw new SinusException(ExitCode.CONFIG,
              "training.precision = \"bf16\" needs TensorFlow's oneDNN optimizations, which are off in this process "
                  + "(TF_ENABLE_ONEDNN_OPTS=" + System.getenv("TF_ENABLE_ONEDNN_OPTS") + "); the sinus launcher turns "
                  + "them on, or set TF_ENABLE_ONEDNN_OPTS=1 yourself. Use precision = \"auto\" to take bf16 only where "
                  + "it is fast.");
        }
        if (!CpuFeatures.hasNativeBf16()) {
          Logger.getLogger(TrainingSession.class.getName()).warning(
              "this CPU has no native bfloat16 (AMX or AVX512-BF16): oneDNN emulates bf16, which is slower than fp32");
        }
        yield true;
      }
      case AUTO -> CpuFeatures.hasNativeBf16() && CpuFeatures.oneDnnEnabled();
    };
  }

  public boolean bf16() {
    return bf16;
  }

  public ModelGraph graph() {
    return graph;
  }

  /**
   * One AdamW step on a batch; returns the batch's mean loss before the update.
   *
   * @param inputs one {@code [batch, h, w, c]} tensor per model input, in input order (the session
   *     closes nothing it is given)
   * @param targets {@code [batch, classes]}
   * @param step the 1-based step number t (for Adam's bias correction β^t)
   * @param dropoutSeed seeds this step's dropout masks
   */
  public float trainStep(List<TFloat32> inputs, TFloat32 targets, double learningRate, double beta1, double beta2,
                         long step, long dropoutSeed) {
    return trainStep(Integer.MAX_VALUE - 1, inputs, targets, learningRate, beta1, beta2, step, dropoutSeed);
  }

  /**
   * {@link #trainStep(List, TFloat32, double, double, double, long, long)} in epoch {@code epoch}
   * (1-based), whose training network leaves the parts frozen in that epoch alone.
   */
  public float trainStep(int epoch, List<TFloat32> inputs, TFloat32 targets, double learningRate, double beta1,
                         double beta2, long step, long dropoutSeed) {
    try (TFloat32 lr = TFloat32.scalarOf((float) learningRate);
         TFloat32 b1 = TFloat32.scalarOf((float) beta1);
         TFloat32 b1Power = TFloat32.scalarOf((float) Math.pow(beta1, step));
         TFloat32 b2Power = TFloat32.scalarOf((float) Math.pow(beta2, step));
         TInt64 seed = TInt64.vectorOf(dropoutSeed, step);
         Result result = feedInputs(session.runner(), inputs).feed(graph.targets(), targets)
             .feed(graph.learningRate(), lr).feed(graph.beta1(), b1)
             .feed(graph.beta1Power(), b1Power).feed(graph.beta2Power(), b2Power)
             .feed(graph.dropoutSeed(), seed)
             .fetch(graph.loss(epoch)).addTarget(graph.trainStep(epoch)).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  private Session.Runner feedInputs(Session.Runner runner, List<TFloat32> inputs) {
    List<Placeholder<TFloat32>> placeholders = List.copyOf(graph.inputs().values());
    if (inputs.size() != placeholders.size()) {
      throw new IllegalArgumentException(inputs.size() + " input tensors for a model of " + placeholders.size()
          + " inputs " + graph.inputs().keySet());
    }
    for (int k = 0; k < inputs.size(); k++) {
      runner.feed(placeholders.get(k), inputs.get(k));
    }
    return runner;
  }

  /** One tensor per input of the first {@code count} examples of {@code inputs[k]} (in input order). */
  private List<TFloat32> tensors(float[][] inputs, int count) {
    List<TFloat32> tensors = new ArrayList<>();
    List<ExampleShape> shapes = List.copyOf(graph.shapes().values());
    try {
      for (int k = 0; k < shapes.size(); k++) {
        tensors.add(TFloat32.tensorOf(Shape.of(shapes.get(k).batched(count)),
            DataBuffers.of(inputs[k], true, false).narrow((long) count * shapes.get(k).size())));
      }
      return tensors;
    } catch (RuntimeException e) {
      tensors.forEach(TFloat32::close);
      throw e;
    }
  }

  /**
   * Probabilities of {@code count} examples: {@code inputs[k]} holds the examples of input
   * {@code k}, laid out one after another.
   */
  public float[] predict(float[][] inputs, int count) {
    return predict(inputs, count, false);
  }

  /** {@link #predict(float[][], int)}, or the logits of the inference network if {@code logits}. */
  public float[] predict(float[][] inputs, int count, boolean logits) {
    List<TFloat32> batch = tensors(inputs, count);
    try (Result result = feedInputs(session.runner(), batch)
        .fetch(logits ? graph.inferenceLogits() : graph.probabilities()).run()) {
      return read((TFloat32) result.get(0));
    } finally {
      batch.forEach(TFloat32::close);
    }
  }

  /** Probabilities of one {@code [count, h, w, c]} tensor per input. */
  public float[] predict(List<TFloat32> batch, int count) {
    try (Result result = feedInputs(session.runner(), batch).fetch(graph.probabilities()).run()) {
      float[] out = new float[count * graph.classes()];
      ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(out);
      return out;
    }
  }

  /**
   * The gradient of the probability (or logit) of one class per example with respect to every
   * input value, {@code [input][count × size]}: example {@code i}'s class is the one where
   * {@code selector} row {@code i} (of {@code count × classes}) is 1.
   */
  public float[][] inputGradients(float[][] inputs, int count, float[] selector, boolean logits) {
    return gradients(inputs, count, selector, graph.inputGradients(), logits, List.of(), result -> {
      float[][] out = new float[inputs.length][];
      for (int k = 0; k < inputs.length; k++) {
        out[k] = read((TFloat32) result.get(k));
      }
      return out;
    });
  }

  /**
   * The activations of feature map {@code layer} ({@link ModelGraph#featureMaps()}) of
   * {@code count} examples and the gradient of the probability (or logit) of one class per example
   * with respect to them, as {@link #inputGradients} selects it.
   */
  public FeatureMapGradients featureMapGradients(float[][] inputs, int count, float[] selector, boolean logits,
                                                 String layer) {
    ModelGraph.FeatureMapOps ops = graph.featureMapOps(layer);
    return gradients(inputs, count, selector, ops.gradients(), logits, List.of(ops.activations()), result -> {
      TFloat32 gradient = (TFloat32) result.get(0);
      TFloat32 activations = (TFloat32) result.get(1);
      long[] shape = activations.shape().asArray();                                      // [count, h, w, c]
      return new FeatureMapGradients(layer, (int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3],
          read(activations), read(gradient));
    });
  }

  /** Runs the gradients selected by {@code selector} (and {@code alsoFetch} after them) and reads the result. */
  private <T> T gradients(float[][] inputs, int count, float[] selector, InputGradients gradients, boolean logits,
                          List<Operand<TFloat32>> alsoFetch, Function<Result, T> read) {
    List<TFloat32> batch = tensors(inputs, count);
    try (TFloat32 select = TFloat32.tensorOf(Shape.of(count, graph.classes()),
        DataBuffers.of(selector, true, false).narrow((long) count * graph.classes()))) {
      Session.Runner runner = feedInputs(session.runner(), batch).feed(gradients.selector(), select);
      (logits ? gradients.ofLogits() : gradients.ofProbabilities()).forEach(runner::fetch);
      alsoFetch.forEach(runner::fetch);
      try (Result result = runner.run()) {
        return read.apply(result);
      }
    } finally {
      batch.forEach(TFloat32::close);
    }
  }

  private static float[] read(TFloat32 tensor) {
    float[] out = new float[(int) tensor.size()];
    tensor.asRawTensor().data().asFloats().read(out);
    return out;
  }

  /** Evaluates any tensor of the graph for a batch (tests use it to read gradients). */
  public Session session() {
    return session;
  }

  /** Saves every variable (weights, moving statistics, Adam slots) under a path prefix. */
  public void save(Path prefix) {
    try {
      Files.createDirectories(prefix.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    session.save(prefix.toString());
  }

  public void restore(Path prefix) {
    session.restore(prefix.toString());
  }

  /**
   * Sets the variables of the part built in {@code scope} from the values of the variables of a
   * model trained alone ({@link #variableValues()} of its session), by their names there.
   */
  public void loadPart(String scope, Map<String, float[]> values) {
    Map<String, ModelGraph.Assignment> assignments = graph.pretrained().get(scope);
    if (assignments == null) {
      throw new IllegalArgumentException("the model has no pretrained part '" + scope + "'; it has "
          + graph.pretrained().keySet());
    }
    List<String> missing = assignments.keySet().stream().filter(name -> !values.containsKey(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the trained model has no variables " + missing + " for part '" + scope + "'");
    }
    assignments.forEach((name, assignment) -> assign(assignment, name, values.get(name)));
  }

  /** The values of the model's weights and moving statistics (not the optimizer's slots), by name. */
  public Map<String, float[]> variableValues() {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (String name : graph.variables().names()) {
      if (ModelGraph.OPTIMIZER_SLOTS.stream().noneMatch(name::endsWith)) {
        try (Result result = session.runner().fetch(graph.variables().find(name).orElseThrow()).run()) {
          TFloat32 tensor = (TFloat32) result.get(0);
          float[] out = new float[(int) tensor.size()];
          tensor.asRawTensor().data().asFloats().read(out);
          values.put(name, out);
        }
      }
    }
    return values;
  }

  /** Assigns the model's fitted variables ({@link ModelGraph#fitted()}), by name. */
  public void assignFitted(Map<String, float[]> values) {
    Map<String, ModelGraph.Assignment> fitted = graph.fitted();
    if (!fitted.keySet().equals(values.keySet())) {
      throw new IllegalArgumentException("values for the fitted variables " + values.keySet() + ", but the model has "
          + fitted.keySet());
    }
    values.forEach((name, value) -> assign(fitted.get(name), name, value));
  }

  private void assign(ModelGraph.Assignment assignment, String name, float[] values) {
    if (values.length != Shape.of(assignment.shape()).size()) {
      throw new IllegalArgumentException(values.length + " values for variable " + name + " of shape "
          + Arrays.toString(assignment.shape()));
    }
    try (TFloat32 value = TFloat32.tensorOf(Shape.of(assignment.shape()), DataBuffers.of(values, true, false))) {
      session.runner().feed(assignment.value(), value).addTarget(assignment.assign()).run();
    }
  }

  /**
   * Each part's probabilities of {@code count} examples, {@code [count × parts × classes]}, for a
   * model of parts.
   */
  public float[] predictParts(float[][] inputs, int count) {
    if (graph.partProbabilities() == null) {
      throw new IllegalStateException("the model is not made of parts");
    }
    List<TFloat32> batch = tensors(inputs, count);
    try (Result result = feedInputs(session.runner(), batch).fetch(graph.partProbabilities()).run()) {
      float[] out = new float[count * graph.parts().size() * graph.classes()];
      ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(out);
      return out;
    } finally {
      batch.forEach(TFloat32::close);
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
