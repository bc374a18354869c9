package org.sinus.engine.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.PretrainedPart;
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
import org.tensorflow.op.core.Stack;
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
 *
 * <p>A model whose parts start from trained runs ({@link Model#pretrained()}) may keep them frozen
 * for some epochs: each distinct set of frozen parts gets its own training network (the frozen
 * parts in inference mode) and update, which leaves the frozen parts' variables untouched. A
 * model of parts ({@link ModelOutput#ofParts}) trains every part on its own loss and predicts the
 * fusion; its parts' probabilities are an output of their own.
 *
 * <p>The feature maps the model names in its inference network ({@link Network#featureMap}) are
 * kept by name; explainers' gradients with respect to the inputs or a feature map are built on
 * first use.
 */
public final class ModelGraph implements AutoCloseable {
  /** Suffixes of the optimizer's slot variables (Adam's moments), which belong to no model. */
  static final List<String> OPTIMIZER_SLOTS = List.of("_adam_m", "_adam_v");

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
  private final List<TrainingPhase> phases;
  private final Operand<TFloat32> probabilities;
  private final Operand<TFloat32> inferenceLogits;
  private final Operand<TFloat32> inferenceFeatures;
  private final List<String> parts;
  private final Operand<TFloat32> partProbabilities;
  private final Map<String, Assignment> fitted;
  private final Map<String, Map<String, Assignment>> pretrained;
  private final List<PretrainedPart> pretrainedParts;
  private final Map<String, Operand<TFloat32>> featureMaps;
  private final int classes;
  private InputGradients inputGradients;
  private final Map<String, FeatureMapOps> featureMapOps = new LinkedHashMap<>();

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
    this.phases = List.copyOf(b.phases);
    this.probabilities = b.probabilities;
    this.inferenceLogits = b.inferenceLogits;
    this.inferenceFeatures = b.inferenceFeatures;
    this.parts = b.parts;
    this.partProbabilities = b.partProbabilities;
    this.fitted = Collections.unmodifiableMap(b.fitted);
    this.pretrained = Collections.unmodifiableMap(b.pretrained);
    this.pretrainedParts = b.pretrainedParts;
    this.featureMaps = b.featureMaps;
    this.classes = b.classes;
  }

  /**
   * One way of training: the parts frozen in it, its loss and the update of the variables it
   * trains.
   *
   * @param frozen scopes of the parts left alone
   * @param trained names of the variables it updates, in creation order
   * @param gradients the loss's gradient of each trained variable
   * @param step the update (batch-norm statistics of the trained parts, weight decay, Adam)
   */
  record TrainingPhase(Set<String> frozen, Operand<TFloat32> loss, List<String> trained,
                       List<Operand<TFloat32>> gradients, Op step) {}

  /** Assigns a variable from a fed value of its shape. */
  record Assignment(Placeholder<TFloat32> value, Op assign, long[] shape) {}

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
    return build(model, shapes, classes, multiLabel, beta2, epsilon, weightDecay, seed, true);
  }

  /**
   * The graph of {@code model} for using it only: its inference network (and the assignments of
   * fitted and pretrained variables), without training networks, losses, gradients or optimizer
   * slots, which for a deep model take far longer to build than the network itself. Restoring a
   * run's checkpoint into it restores every variable it has.
   */
  public static ModelGraph buildForInference(Model model, Map<String, ExampleShape> shapes, int classes,
                                             boolean multiLabel, long seed) {
    return build(model, shapes, classes, multiLabel, 0.999, 1e-8, 0, seed, false);
  }

  private static ModelGraph build(Model model, Map<String, ExampleShape> shapes, int classes, boolean multiLabel,
                                  double beta2, double epsilon, double weightDecay, long seed, boolean training) {
    List<String> problems = model.checkInputs(shapes);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the model cannot read its inputs " + shapes + ": " + String.join("; ", problems));
    }
    Builder b = new Builder();
    b.graph = new Graph();
    try {
      b.build(model, shapes, classes, multiLabel, beta2, epsilon, weightDecay, seed, training);
    } catch (RuntimeException e) {
      b.graph.close();
      throw e;
    }
    return new ModelGraph(b);
  }

  /**
   * The sets of frozen scopes the epochs of a model's training go through: scope {@code s} is
   * frozen in epoch {@code e} (1-based) while {@code e ≤ frozenEpochs(s)}.
   */
  static List<Set<String>> frozenSets(List<PretrainedPart> parts) {
    SortedSet<Integer> changes = new TreeSet<>(List.of(1));
    for (PretrainedPart part : parts) {
      if (part.frozenEpochs() > 0 && part.frozenEpochs() < PretrainedPart.ALWAYS) {
        changes.add(part.frozenEpochs() + 1);
      }
    }
    List<Set<String>> sets = new ArrayList<>();
    for (int epoch : changes) {
      sets.add(frozenAt(parts, epoch));
    }
    return sets;
  }

  private static Set<String> frozenAt(List<PretrainedPart> parts, int epoch) {
    Set<String> frozen = new TreeSet<>();
    for (PretrainedPart part : parts) {
      if (epoch <= part.frozenEpochs()) {
        frozen.add(part.scope());
      }
    }
    return frozen;
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
    final List<TrainingPhase> phases = new ArrayList<>();
    Operand<TFloat32> probabilities;
    Operand<TFloat32> inferenceLogits;
    Operand<TFloat32> inferenceFeatures;
    List<String> parts = List.of();
    Operand<TFloat32> partProbabilities;
    final Map<String, Assignment> fitted = new LinkedHashMap<>();
    final Map<String, Map<String, Assignment>> pretrained = new LinkedHashMap<>();
    List<PretrainedPart> pretrainedParts = List.of();
    Map<String, Operand<TFloat32>> featureMaps = Map.of();
    int classes;

    void build(Model model, Map<String, ExampleShape> shapes, int classes, boolean multiLabel, double beta2,
               double epsilon, double weightDecay, long seed, boolean training) {
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

      // the training network of the last set of frozen parts is "model"; earlier sets get their own
      pretrainedParts = List.copyOf(model.pretrained());
      List<Set<String>> frozenSets = training ? frozenSets(pretrainedParts) : List.of();
      List<ModelOutput> trainingOutputs = new ArrayList<>();
      List<Network> trainingNetworks = new ArrayList<>();
      for (int k = 0; k < frozenSets.size(); k++) {
        String scope = k == frozenSets.size() - 1 ? "model" : "model_frozen_" + k;
        Network network = new Network(tf.withSubScope(scope), Network.Mode.TRAIN, variables, dropoutSeed,
            frozenSets.get(k));
        trainingOutputs.add(check(model.build(network, modelInputs, classes), classes));
        trainingNetworks.add(network);
      }
      Network inference = new Network(tf.withSubScope("inference"), Network.Mode.INFER, variables, null);
      ModelOutput inferenceOutput = check(model.build(inference, modelInputs, classes), classes);
      inferenceLogits = inferenceOutput.logits();                                         // [batch, classes]
      inferenceFeatures = inferenceOutput.features();                                     // [batch, d]
      featureMaps = inference.featureMaps();                                              // [batch, h, w, c] each
      if (variables.trainable().isEmpty()) {
        throw new IllegalStateException("the model creates no trainable variables");
      }
      probabilities = multiLabel
          ? tf.withName("probabilities").math.sigmoid(inferenceLogits)                    // [batch, classes]
          : tf.withName("probabilities").nn.softmax(inferenceLogits);                     // [batch, classes]
      if (!inferenceOutput.parts().isEmpty()) {
        parts = List.copyOf(inferenceOutput.parts().keySet());
        List<Operand<TFloat32>> each = new ArrayList<>();
        for (Operand<TFloat32> partLogits : inferenceOutput.parts().values()) {
          each.add(multiLabel ? tf.math.sigmoid(partLogits) : tf.nn.softmax(partLogits)); // [batch, classes]
        }
        partProbabilities = tf.withName("part_probabilities").stack(each, Stack.axis(1L)); // [batch, parts, classes]
      }
      for (int k = 0; k < frozenSets.size(); k++) {
        phases.add(phase(tf, k, frozenSets.get(k), trainingOutputs.get(k), trainingNetworks.get(k), multiLabel,
            beta2, epsilon, weightDecay));
      }
      Ops assignments = tf.withSubScope("assign");
      for (String name : variables.fittedNames()) {
        fitted.put(name, assignment(assignments, name));
      }
      for (PretrainedPart part : model.pretrained()) {
        pretrained.put(part.scope(), partAssignments(assignments, part.scope()));
      }
    }

    /** The loss, gradients and update of the training network that leaves {@code frozen} alone. */
    private TrainingPhase phase(Ops root, int index, Set<String> frozen, ModelOutput output, Network network,
                                boolean multiLabel, double beta2, double epsilon, double weightDecay) {
      Ops tf = root;
      List<Operand<TFloat32>> losses = new ArrayList<>();
      for (Operand<TFloat32> logits : output.trainingLogits()) {
        losses.add(lossOf(tf, logits, multiLabel));                                        // []
      }
      Operand<TFloat32> loss = losses.size() == 1 ? tf.identity(losses.get(0))
          : tf.math.div(tf.math.addN(losses), tf.constant((float) losses.size()));        // [] mean over parts
      List<String> trained = new ArrayList<>();
      List<Variable<TFloat32>> trainable = new ArrayList<>();
      for (String name : variables.trainableNames()) {
        if (frozen.stream().noneMatch(scope -> name.startsWith(scope + "/"))) {
          trained.add(name);
          trainable.add(variables.find(name).orElseThrow());
        }
      }
      if (trainable.isEmpty()) {
        return new TrainingPhase(frozen, loss, List.of(), List.of(), null);
      }
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
      List<Operand<TFloat32>> gradients = new ArrayList<>();
      List<Op> gradientReads = new ArrayList<>();
      for (int i = 0; i < trainable.size(); i++) {
        Output<TFloat32> gradient = gradientOf(grads, i, trained.get(i));
        gradients.add(gradient);
        gradientReads.add(tf.identity(gradient));
      }
      // every gradient is computed before any variable changes
      Op gradientsReady = tf.withControlDependencies(gradientReads).noOp();
      Ops afterGradients = tf.withControlDependencies(List.of(gradientsReady));

      List<Op> updates = new ArrayList<>(network.updates());
      Operand<TFloat32> decayFactor = tf.math.mul(learningRate, tf.constant((float) weightDecay));   // []
      Operand<TFloat32> beta2Constant = tf.constant((float) beta2);
      Operand<TFloat32> epsilonConstant = tf.constant((float) epsilon);
      for (int i = 0; i < trainable.size(); i++) {
        Variable<TFloat32> variable = trainable.get(i);
        long[] varShape = variable.shape().asArray();
        Variable<TFloat32> m = variables.get(trained.get(i) + OPTIMIZER_SLOTS.get(0), varShape, 1, 1,
            Initializer.constant(0f), false);
        Variable<TFloat32> v = variables.get(trained.get(i) + OPTIMIZER_SLOTS.get(1), varShape, 1, 1,
            Initializer.constant(0f), false);
        Op decayed = weightDecay > 0
            ? afterGradients.assignSub(variable, tf.math.mul(variable, decayFactor))   // w ← w − lr·wd·w
            : gradientsReady;
        updates.add(tf.withControlDependencies(List.of(decayed)).train.applyAdam(variable, m, v, beta1Power,
            beta2Power, learningRate, beta1, beta2Constant, epsilonConstant, gradients.get(i)));
      }
      Op step = tf.withName("train_step_" + index).withControlDependencies(updates).noOp();
      return new TrainingPhase(frozen, loss, trained, gradients, step);
    }

    /** Mean loss of {@code [batch, classes]} logits against the targets. */
    private Operand<TFloat32> lossOf(Ops tf, Operand<TFloat32> logits, boolean multiLabel) {
      if (multiLabel) {
        // binary cross-entropy on logits z, targets y: mean(softplus(z) − z·y)
        return tf.math.mean(tf.math.sub(tf.math.softplus(logits), tf.math.mul(logits, targets)),
            tf.constant(new int[] {0, 1}));                                             // []
      }
      return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, targets).loss(), tf.constant(0)); // []
    }

    /** A placeholder of the variable's shape and the op that assigns it. */
    private Assignment assignment(Ops tf, String name) {
      Variable<TFloat32> variable = variables.find(name).orElseThrow();
      Placeholder<TFloat32> value = tf.placeholder(TFloat32.class,
          Placeholder.shape(variable.shape()));                                          // the variable's shape
      return new Assignment(value, tf.assign(variable, value), variable.shape().asArray());
    }

    /**
     * Assignments of the variables of {@code scope} (the part's weights and moving statistics, not
     * the optimizer's slots), by their names within the part.
     */
    private Map<String, Assignment> partAssignments(Ops tf, String scope) {
      String prefix = scope + "/";
      Map<String, Assignment> assignments = new LinkedHashMap<>();
      for (String name : variables.names()) {
        if (name.startsWith(prefix) && OPTIMIZER_SLOTS.stream().noneMatch(name::endsWith)
            && !variables.fittedNames().contains(name)) {
          assignments.put(name.substring(prefix.length()), assignment(tf, name));
        }
      }
      if (assignments.isEmpty()) {
        throw new IllegalStateException("the pretrained part '" + scope + "' has no variables in scope " + prefix);
      }
      return assignments;
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

  /** Mean training loss of the fed batch, in the training network of epoch {@code epoch}. */
  public Operand<TFloat32> loss(int epoch) {
    return phase(epoch).loss();
  }

  /** Mean training loss of the fed batch when nothing is frozen (the last training network). */
  public Operand<TFloat32> loss() {
    return phases.get(phases.size() - 1).loss();
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

  /**
   * The names of the feature maps the model names in its inference network
   * ({@link Network#featureMap}), in the order it built them.
   */
  public List<String> featureMaps() {
    return List.copyOf(featureMaps.keySet());
  }

  /** The {@code [batch, h, w, c]} activations of feature map {@code layer} of the inference network. */
  public Operand<TFloat32> featureMap(String layer) {
    Operand<TFloat32> map = featureMaps.get(layer);
    if (map == null) {
      throw new IllegalArgumentException(featureMaps.isEmpty()
          ? "the model exposes no feature maps (a model names them with Network.featureMap), so no '" + layer + "'"
          : "the model has no feature map '" + layer + "'; it exposes " + featureMaps.keySet());
    }
    return map;
  }

  /**
   * What reads feature map {@code layer}: its activations (a fetchable copy, also when the map is a
   * fed input) and the gradients of a chosen class's output of the inference network with respect
   * to them (one gradient in each list).
   */
  public record FeatureMapOps(Operand<TFloat32> activations, InputGradients gradients) {}

  /** The {@link FeatureMapOps} of feature map {@code layer}, built on first use (only explainers need them). */
  public synchronized FeatureMapOps featureMapOps(String layer) {
    FeatureMapOps ops = featureMapOps.get(layer);
    if (ops == null) {
      Operand<TFloat32> map = featureMap(layer);
      String scope = "explain_feature_map_" + List.copyOf(featureMaps.keySet()).indexOf(layer);
      Operand<TFloat32> activations = Ops.create(graph).withSubScope(scope).withName("activations")
          .identity(map);                                                                 // [batch, h, w, c]
      ops = new FeatureMapOps(activations, InputGradients.build(graph, scope + "_gradients", probabilities,
          inferenceLogits, List.of(map), classes));                                       // [batch, h, w, c]
      featureMapOps.put(layer, ops);
    }
    return ops;
  }

  /**
   * Gradients of the loss of the last training network w.r.t. each variable it trains, in
   * {@link #trainedNames()} order.
   */
  public List<Operand<TFloat32>> gradients() {
    return phases.get(phases.size() - 1).gradients();
  }

  /** The variables the last training network trains (all trainable ones unless a part stays frozen). */
  public List<String> trainedNames() {
    return phases.get(phases.size() - 1).trained();
  }

  /** Whether epoch {@code epoch} (1-based) has anything to train. */
  public boolean trainsIn(int epoch) {
    return phase(epoch).step() != null;
  }

  /**
   * Runs the batch-norm updates, weight decay and the Adam update of every variable trained in
   * epoch {@code epoch} (1-based).
   */
  public Op trainStep(int epoch) {
    TrainingPhase phase = phase(epoch);
    if (phase.step() == null) {
      throw new IllegalStateException("nothing is trained in epoch " + epoch + ": every part is frozen "
          + phase.frozen());
    }
    return phase.step();
  }

  /** {@link #trainStep(int)} of the epochs after every temporary freeze. */
  public Op trainStep() {
    return trainStep(Integer.MAX_VALUE - 1);
  }

  private TrainingPhase phase(int epoch) {
    Set<String> frozen = frozenAt(pretrainedParts, epoch);
    return phases.stream().filter(phase -> phase.frozen().equals(frozen)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no training network leaves exactly " + frozen + " frozen"));
  }

  /** The names of the model's parts, in order; empty for a model that is not made of parts. */
  public List<String> parts() {
    return parts;
  }

  /** {@code [batch, parts, classes]} probabilities of each part (null for a model not made of parts). */
  public Operand<TFloat32> partProbabilities() {
    return partProbabilities;
  }

  /** The fitted variables ({@link VariableStore#fitted}) with what assigns each. */
  Map<String, Assignment> fitted() {
    return fitted;
  }

  /** Assignments of each pretrained part's variables, by scope and name within the part. */
  Map<String, Map<String, Assignment>> pretrained() {
    return pretrained;
  }

  public int classes() {
    return classes;
  }

  @Override
  public void close() {
    graph.close();
  }
}
