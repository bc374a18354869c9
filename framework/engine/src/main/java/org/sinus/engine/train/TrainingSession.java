package org.sinus.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.representation.ExampleShape;
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
    try (TFloat32 lr = TFloat32.scalarOf((float) learningRate);
         TFloat32 b1 = TFloat32.scalarOf((float) beta1);
         TFloat32 b1Power = TFloat32.scalarOf((float) Math.pow(beta1, step));
         TFloat32 b2Power = TFloat32.scalarOf((float) Math.pow(beta2, step));
         TInt64 seed = TInt64.vectorOf(dropoutSeed, step);
         Result result = feedInputs(session.runner(), inputs).feed(graph.targets(), targets)
             .feed(graph.learningRate(), lr).feed(graph.beta1(), b1)
             .feed(graph.beta1Power(), b1Power).feed(graph.beta2Power(), b2Power)
             .feed(graph.dropoutSeed(), seed)
             .fetch(graph.loss()).addTarget(graph.trainStep()).run()) {
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
    List<TFloat32> batch = tensors(inputs, count);
    try {
      return predict(batch, count);
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
    InputGradients gradients = graph.inputGradients();
    List<TFloat32> batch = tensors(inputs, count);
    try (TFloat32 select = TFloat32.tensorOf(Shape.of(count, graph.classes()),
        DataBuffers.of(selector, true, false).narrow((long) count * graph.classes()))) {
      Session.Runner runner = feedInputs(session.runner(), batch).feed(gradients.selector(), select);
      (logits ? gradients.ofLogits() : gradients.ofProbabilities()).forEach(runner::fetch);
      try (Result result = runner.run()) {
        float[][] out = new float[inputs.length][];
        for (int k = 0; k < inputs.length; k++) {
          TFloat32 tensor = (TFloat32) result.get(k);
          out[k] = new float[(int) tensor.size()];
          tensor.asRawTensor().data().asFloats().read(out[k]);
        }
        return out;
      }
    } finally {
      batch.forEach(TFloat32::close);
    }
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

  @Override
  public void close() {
    session.close();
  }
}
