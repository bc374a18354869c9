package org.sinus.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.sinus.api.model.Model;
import org.sinus.api.nn.Network;
import org.sinus.api.nn.VariableStore;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The whole TensorFlow graph of a model: a training network (batch statistics, dropout) with its
 * loss, gradients and AdamW update, and an inference network sharing the same variables.
 *
 * <p>Everything that changes during training is fed, never baked in: the learning rate and β1 of
 * the schedule, Adam's bias-correction powers β1^t and β2^t, and the seed of the dropout masks.
 * Gradients are taken with {@code tf.gradients} on the model's own trainable variables; a variable
 * that gets no gradient is a model bug and fails here, at build time.
 */
public final class ModelGraph implements AutoCloseable {
  private final Graph graph;
  private final VariableStore variables;
  private final Placeholder<TFloat32> input;
  private final Placeholder<TFloat32> targets;
  private final Placeholder<TFloat32> learningRate;
  private final Placeholder<TFloat32> beta1;
  private final Placeholder<TFloat32> beta1Power;
  private final Placeholder<TFloat32> beta2Power;
  private final Placeholder<TInt64> dropoutSeed;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> probabilities;
  private final Operand<TFloat32> inferenceLogits;
  private final List<Operand<TFloat32>> gradients;
  private final Op trainStep;
  private final ExampleShape shape;
  private final int classes;

  private ModelGraph(Builder b) {
    this.graph = b.graph;
    this.variables = b.variables;
    this.input = b.input;
    this.targets = b.targets;
    this.learningRate = b.learningRate;
    this.beta1 = b.beta1;
    this.beta1Power = b.beta1Power;
    this.beta2Power = b.beta2Power;
    this.dropoutSeed = b.dropoutSeed;
    this.loss = b.loss;
    this.probabilities = b.probabilities;
    this.inferenceLogits = b.inferenceLogits;
    this.gradients = b.gradients;
    this.trainStep = b.trainStep;
    this.shape = b.shape;
    this.classes = b.classes;
  }

  /**
   * Builds the graph of {@code model} for examples of {@code shape} and {@code classes} outputs.
   *
   * @param multiLabel sigmoid outputs with binary cross-entropy (else softmax with cross-entropy)
   * @param beta2 Adam's β2 (β1 and the learning rate are fed per step)
   * @param epsilon Adam's ε
   * @param weightDecay decoupled weight decay (AdamW): each step multiplies every weight by
   *     {@code 1 − lr·weightDecay} before the Adam update, as fastai v1's {@code true_wd}
   * @param seed seeds the initial weights
   */
  public static ModelGraph build(Model model, ExampleShape shape, int classes, boolean multiLabel, double beta2,
                                 double epsilon, double weightDecay, long seed) {
    Builder b = new Builder();
    b.graph = new Graph();
    try {
      b.build(model, shape, classes, multiLabel, beta2, epsilon, weightDecay, seed);
    } catch (RuntimeException e) {
      b.graph.close();
      throw e;
    }
    return new ModelGraph(b);
  }

  private static final class Builder {
    Graph graph;
    VariableStore variables;
    Placeholder<TFloat32> input;
    Placeholder<TFloat32> targets;
    Placeholder<TFloat32> learningRate;
    Placeholder<TFloat32> beta1;
    Placeholder<TFloat32> beta1Power;
    Placeholder<TFloat32> beta2Power;
    Placeholder<TInt64> dropoutSeed;
    Operand<TFloat32> loss;
    Operand<TFloat32> probabilities;
    Operand<TFloat32> inferenceLogits;
    List<Operand<TFloat32>> gradients;
    Op trainStep;
    ExampleShape shape;
    int classes;

    void build(Model model, ExampleShape shape, int classes, boolean multiLabel, double beta2, double epsilon,
               double weightDecay, long seed) {
      this.shape = shape;
      this.classes = classes;
      Ops tf = Ops.create(graph);
      variables = new VariableStore(tf, seed);
      input = tf.withName("input").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(shape.batched(-1))));                              // [batch, h, w, c]
      targets = tf.withName("targets").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, classes)));                                    // [batch, classes]
      learningRate = scalar(tf, "learning_rate");
      beta1 = scalar(tf, "beta1");
      beta1Power = scalar(tf, "beta1_power");
      beta2Power = scalar(tf, "beta2_power");
      dropoutSeed = tf.withName("dropout_seed").placeholder(TInt64.class,
          Placeholder.shape(Shape.of(2)));                                              // [2]

      Network training = new Network(tf.withSubScope("model"), Network.Mode.TRAIN, variables, dropoutSeed);
      Operand<TFloat32> logits = model.logits(training, input, shape, classes);           // [batch, classes]
      checkLogits(logits, classes);
      Network inference = new Network(tf.withSubScope("inference"), Network.Mode.INFER, variables, null);
      inferenceLogits = model.logits(inference, input, shape, classes);                   // [batch, classes]
      checkLogits(inferenceLogits, classes);
      if (variables.trainable().isEmpty()) {
        throw new IllegalStateException("the model creates no trainable variables");
      }

      if (multiLabel) {
        // binary cross-entropy on logits z, targets y: mean(softplus(z) − z·y)
        loss = tf.withName("loss").math.mean(
            tf.math.sub(tf.math.softplus(logits), tf.math.mul(logits, targets)),
            tf.constant(new int[] {0, 1}));                                             // []
        probabilities = tf.withName("probabilities").math.sigmoid(inferenceLogits);        // [batch, classes]
      } else {
        loss = tf.withName("loss").math.mean(
            tf.nn.softmaxCrossEntropyWithLogits(logits, targets).loss(), tf.constant(0)); // []
        probabilities = tf.withName("probabilities").nn.softmax(inferenceLogits);         // [batch, classes]
      }

      List<Variable<TFloat32>> trainable = variables.trainable();
      Gradients grads;
      try {
        grads = tf.gradients(loss, trainable);
      } catch (org.tensorflow.exceptions.TFInvalidArgumentException e) {
        String message = String.valueOf(e.getMessage());
        int quote = message.indexOf('\'');
        String node = quote >= 0 && message.indexOf('\'', quote + 1) > quote
            ? message.substring(quote + 1, message.indexOf('\'', quote + 1)) : "?";
        throw new IllegalStateException("variable " + node + " gets no gradient from the loss: it is not used on the "
            + "path from the input to the logits of the training network (TensorFlow: " + message + ")", e);
      }
      gradients = new ArrayList<>();
      List<Op> gradientReads = new ArrayList<>();
      List<String> names = variables.trainableNames();
      for (int i = 0; i < trainable.size(); i++) {
        Output<TFloat32> gradient = gradientOf(grads, i, names.get(i));
        gradients.add(gradient);
        gradientReads.add(tf.identity(gradient));
      }
      // every gradient is computed before any variable changes
      Op gradientsReady = tf.withControlDependencies(gradientReads).noOp();
      Ops afterGradients = tf.withControlDependencies(List.of(gradientsReady));

      List<Op> updates = new ArrayList<>(training.updates());
      Operand<TFloat32> decayFactor = tf.math.mul(learningRate, tf.constant((float) weightDecay));   // []
      Operand<TFloat32> beta2Constant = tf.constant((float) beta2);
      Operand<TFloat32> epsilonConstant = tf.constant((float) epsilon);
      for (int i = 0; i < trainable.size(); i++) {
        Variable<TFloat32> variable = trainable.get(i);
        long[] varShape = variable.shape().asArray();
        Variable<TFloat32> m = variables.get(names.get(i) + "_adam_m", varShape, 1, 1,
            org.sinus.api.nn.Initializer.constant(0f), false);
        Variable<TFloat32> v = variables.get(names.get(i) + "_adam_v", varShape, 1, 1,
            org.sinus.api.nn.Initializer.constant(0f), false);
        Op decayed = weightDecay > 0
            ? afterGradients.assignSub(variable, tf.math.mul(variable, decayFactor))   // w ← w − lr·wd·w
            : gradientsReady;
        updates.add(tf.withControlDependencies(List.of(decayed)).train.applyAdam(variable, m, v, beta1Power,
            beta2Power, learningRate, beta1, beta2Constant, epsilonConstant, gradients.get(i)));
      }
      trainStep = tf.withName("train_step").withControlDependencies(updates).noOp();
    }

    private static Placeholder<TFloat32> scalar(Ops tf, String name) {
      return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }

    private static Output<TFloat32> gradientOf(Gradients grads, int i, String name) {
      Output<TFloat32> gradient;
      try {
        gradient = grads.dy(i);
      } catch (RuntimeException e) {
        throw new IllegalStateException("variable " + name + " gets no gradient from the loss: it is not used on the "
            + "path from the input to the logits of the training network", e);
      }
      if (gradient == null || gradient.op() == null) {
        throw new IllegalStateException("variable " + name + " gets no gradient from the loss: it is not used on the "
            + "path from the input to the logits of the training network");
      }
      return gradient;
    }

    private static void checkLogits(Operand<TFloat32> logits, int classes) {
      Shape s = logits.shape();
      if (s.numDimensions() != 2 || s.get(1) != classes) {
        throw new IllegalStateException("the model's logits have shape " + s + ", expected [batch, " + classes + "]");
      }
    }
  }

  public Graph graph() {
    return graph;
  }

  public VariableStore variables() {
    return variables;
  }

  public Placeholder<TFloat32> input() {
    return input;
  }

  public Placeholder<TFloat32> targets() {
    return targets;
  }

  public Placeholder<TFloat32> learningRate() {
    return learningRate;
  }

  public Placeholder<TFloat32> beta1() {
    return beta1;
  }

  public Placeholder<TFloat32> beta1Power() {
    return beta1Power;
  }

  public Placeholder<TFloat32> beta2Power() {
    return beta2Power;
  }

  public Placeholder<TInt64> dropoutSeed() {
    return dropoutSeed;
  }

  /** Mean training loss of the fed batch (training network). */
  public Operand<TFloat32> loss() {
    return loss;
  }

  /** {@code [batch, classes]} probabilities of the inference network. */
  public Operand<TFloat32> probabilities() {
    return probabilities;
  }

  public Operand<TFloat32> inferenceLogits() {
    return inferenceLogits;
  }

  /** Gradients of the loss w.r.t. each trainable variable, in {@link VariableStore#trainable()} order. */
  public List<Operand<TFloat32>> gradients() {
    return gradients;
  }

  /** Runs the batch-norm updates, weight decay and the Adam update of every variable. */
  public Op trainStep() {
    return trainStep;
  }

  public ExampleShape shape() {
    return shape;
  }

  public int classes() {
    return classes;
  }

  @Override
  public void close() {
    graph.close();
  }
}
