package org.sinus.engine.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.nn.Initializer;
import org.sinus.api.nn.Network;
import org.sinus.api.nn.VariableStore;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.exceptions.TFInvalidArgumentException;
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
  private final Map<String, Placeholder<TFloat32>> inputs;
  private final Map<String, ExampleShape> shapes;
  private final Placeholder<TFloat32> targets;
  private final Placeholder<TFloat32> learningRate;
  private final Placeholder<TFloat32> beta1;
  private final Placeholder<TFloat32> beta1Power;
  private final Placeholder<TFloat32> beta2Power;
  private final Placeholder<TInt64> dropoutSeed;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> probabilities;
  private final Operand<TFloat32> inferenceLogits;
  private final Operand<TFloat32> inferenceFeatures;
  private final List<Operand<TFloat32>> gradients;
  private final Op trainStep;
  private final int classes;
  private InputGradients inputGradients;

  private ModelGraph(Builder b) {
    this.graph = b.graph;
    this.variables = b.variables;
    this.inputs = b.inputs;
    this.shapes = b.shapes;
    this.targets = b.targets;
    this.learningRate = b.learningRate;
    this.beta1 = b.beta1;
    this.beta1Power = b.beta1Power;
    this.beta2Power = b.beta2Power;
    this.dropoutSeed = b.dropoutSeed;
    this.loss = b.loss;
    this.probabilities = b.probabilities;
    this.inferenceLogits = b.inferenceLogits;
    this.inferenceFeatures = b.inferenceFeatures;
    this.gradients = b.gradients;
    this.trainStep = b.trainStep;
    this.classes = b.classes;
  }

  /** {@link #build(Model, Map, int, boolean, double, double, double, long)} for a model of one input. */
  public static ModelGraph build(Model model, ExampleShape shape, int classes, boolean multiLabel, double beta2,
                                 double epsilon, double weightDecay, long seed) {
    return build(model, Map.of(ModelInputs.SINGLE, shape), classes, multiLabel, beta2, epsilon, weightDecay, seed);
  }

  /**
   * Builds the graph of {@code model} for inputs of {@code shapes} (in the model's input order)
   * and {@code classes} outputs.
   *
   * @param multiLabel sigmoid outputs with binary cross-entropy (else softmax with cross-entropy)
   * @param beta2 Adam's β2 (β1 and the learning rate are fed per step)
   * @param epsilon Adam's ε
   * @param weightDecay decoupled weight decay (AdamW): each step multiplies every weight by
   *     {@code 1 − lr·weightDecay} before the Adam update, as fastai v1's {@code true_wd}
   * @param seed seeds the initial weights
   */
  public static ModelGraph build(Model model, Map<String, ExampleShape> shapes, int classes, boolean multiLabel,
                                 double beta2, double epsilon, double weightDecay, long seed) {
    List<String> problems = model.checkInputs(shapes);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the model cannot read its inputs " + shapes + ": " + String.join("; ", problems));
    }
    Builder b = new Builder();
    b.graph = new Graph();
    try {
      b.build(model, shapes, classes, multiLabel, beta2, epsilon, weightDecay, seed);
    } catch (RuntimeException e) {
      b.graph.close();
      throw e;
    }
    return new ModelGraph(b);
  }

  private static final class Builder {
    Graph graph;
    VariableStore variables;
    Map<String, Placeholder<TFloat32>> inputs;
    Map<String, ExampleShape> shapes;
    Placeholder<TFloat32> targets;
    Placeholder<TFloat32> learningRate;
    Placeholder<TFloat32> beta1;
    Placeholder<TFloat32> beta1Power;
    Placeholder<TFloat32> beta2Power;
    Placeholder<TInt64> dropoutSeed;
    Operand<TFloat32> loss;
    Operand<TFloat32> probabilities;
    Operand<TFloat32> inferenceLogits;
    Operand<TFloat32> inferenceFeatures;
    List<Operand<TFloat32>> gradients;
    Op trainStep;
    int classes;

    void build(Model model, Map<String, ExampleShape> shapes, int classes, boolean multiLabel, double beta2,
               double epsilon, double weightDecay, long seed) {
      this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
      this.classes = classes;
      Ops tf = Ops.create(graph);
      variables = new VariableStore(tf, seed);
      Map<String, Placeholder<TFloat32>> placeholders = new LinkedHashMap<>();
      Map<String, Operand<TFloat32>> operands = new LinkedHashMap<>();
      for (Map.Entry<String, ExampleShape> entry : shapes.entrySet()) {
        String name = entry.getKey().equals(ModelInputs.SINGLE) ? "input" : "input_" + entry.getKey();
        Placeholder<TFloat32> input = tf.withName(name).placeholder(TFloat32.class,
            Placeholder.shape(Shape.of(entry.getValue().batched(-1))));                  // [batch, h, w, c]
        placeholders.put(entry.getKey(), input);
        operands.put(entry.getKey(), input);
      }
      inputs = Collections.unmodifiableMap(placeholders);
      ModelInputs modelInputs = ModelInputs.of(operands, shapes);
      targets = tf.withName("targets").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, classes)));                                    // [batch, classes]
      learningRate = scalar(tf, "learning_rate");
      beta1 = scalar(tf, "beta1");
      beta1Power = scalar(tf, "beta1_power");
      beta2Power = scalar(tf, "beta2_power");
      dropoutSeed = tf.withName("dropout_seed").placeholder(TInt64.class,
          Placeholder.shape(Shape.of(2)));                                              // [2]

      Network training = new Network(tf.withSubScope("model"), Network.Mode.TRAIN, variables, dropoutSeed);
      Operand<TFloat32> logits = check(model.build(training, modelInputs, classes), classes).logits(); // [batch, classes]
      Network inference = new Network(tf.withSubScope("inference"), Network.Mode.INFER, variables, null);
      ModelOutput inferenceOutput = check(model.build(inference, modelInputs, classes), classes);
      inferenceLogits = inferenceOutput.logits();                                         // [batch, classes]
      inferenceFeatures = inferenceOutput.features();                                     // [batch, d]
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
      } catch (TFInvalidArgumentException e) {
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
            Initializer.constant(0f), false);
        Variable<TFloat32> v = variables.get(names.get(i) + "_adam_v", varShape, 1, 1,
            Initializer.constant(0f), false);
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

    private static ModelOutput check(ModelOutput output, int classes) {
      Shape s = output.logits().shape();
      if (s.numDimensions() != 2 || s.get(1) != classes) {
        throw new IllegalStateException("the model's logits have shape " + s + ", expected [batch, " + classes + "]");
      }
      Shape f = output.features().shape();
      if (f.numDimensions() != 2 || f.get(1) < 1) {
        throw new IllegalStateException("the model's features have shape " + f + ", expected [batch, d]");
      }
      return output;
    }
  }

  public Graph graph() {
    return graph;
  }

  public VariableStore variables() {
    return variables;
  }

  /** The input placeholders, by input name, in input order. */
  public Map<String, Placeholder<TFloat32>> inputs() {
    return inputs;
  }

  /** Every input's example shape, in input order. */
  public Map<String, ExampleShape> shapes() {
    return shapes;
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

  /** {@code [batch, d]} features of the inference network (what its classification head reads). */
  public Operand<TFloat32> inferenceFeatures() {
    return inferenceFeatures;
  }

  /**
   * The gradients of a chosen class's output of the inference network with respect to every
   * input, built on first use (only explainers need them).
   */
  public synchronized InputGradients inputGradients() {
    if (inputGradients == null) {
      inputGradients = InputGradients.build(graph, probabilities, inferenceLogits, inputs, classes);
    }
    return inputGradients;
  }

  /** Gradients of the loss w.r.t. each trainable variable, in {@link VariableStore#trainable()} order. */
  public List<Operand<TFloat32>> gradients() {
    return gradients;
  }

  /** Runs the batch-norm updates, weight decay and the Adam update of every variable. */
  public Op trainStep() {
    return trainStep;
  }

  public int classes() {
    return classes;
  }

  @Override
  public void close() {
    graph.close();
  }
}
