package org.sinus.engine.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.nn.Network;
import org.sinus.api.nn.VariableStore;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.GraphEncodable;
import org.sinus.engine.run.ModelFormat;
import org.sinus.engine.train.FittedInputs;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The graph a SavedModel serves: the model's inference network only (no training network, loss or
 * optimizer slots), reading a batch of windows as the representations made them, and the windows'
 * probabilities combined per record as the evaluation combines them. Its variables have the names
 * of the run's checkpoint and get their values from it.
 */
final class ServingGraph implements AutoCloseable {
  /** The signature's input naming which record each window belongs to. */
  static final String RECORD_INDEX = "record_index";
  static final String WINDOW_PROBABILITIES = "window_probabilities";
  static final String PROBABILITIES = "probabilities";

  /** The raw signature's input: whole recordings. */
  static final String SIGNAL = "signal";

  private final Graph graph;
  private final Map<String, Placeholder<TFloat32>> inputs;
  private final Placeholder<TInt32> recordIndex;
  private final Operand<TFloat32> windowProbabilities;
  private final Operand<TFloat32> probabilities;
  private final Optional<RawPath> raw;

  /**
   * The path from whole recordings: {@code signal} {@code [records, samples, leads]} in, each record's
   * windows cut and encoded in the graph, {@code [records, windows, classes]} and
   * {@code [records, classes]} probabilities out.
   */
  record RawPath(Placeholder<TFloat32> signal, Operand<TFloat32> windowProbabilities, Operand<TFloat32> probabilities) {}

  private ServingGraph(Graph graph, Map<String, Placeholder<TFloat32>> inputs, Placeholder<TInt32> recordIndex,
                       Operand<TFloat32> windowProbabilities, Operand<TFloat32> probabilities, Optional<RawPath> raw) {
    this.graph = graph;
    this.inputs = inputs;
    this.recordIndex = recordIndex;
    this.windowProbabilities = windowProbabilities;
    this.probabilities = probabilities;
    this.raw = raw;
  }

  /**
   * The serving graph and, where every input's representation can be written as graph ops, the
   * path from whole recordings of the model's format.
   *
   * @param rawFormat the model's format and its representations fitted for its record length, or
   *     null for no raw path
   */
  static ServingGraph build(Model model, Map<String, ExampleShape> shapes, int classes, boolean multiLabel,
                            RecordScoring.Aggregate aggregate, RawFormat rawFormat) {
    Graph graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      VariableStore variables = VariableStore.withoutInitialValues(tf);
      Map<String, Placeholder<TFloat32>> placeholders = new LinkedHashMap<>();
      Map<String, Operand<TFloat32>> operands = new LinkedHashMap<>();
      for (Map.Entry<String, ExampleShape> entry : shapes.entrySet()) {
        Placeholder<TFloat32> input = tf.withName(inputName(entry.getKey())).placeholder(TFloat32.class,
            Placeholder.shape(Shape.of(entry.getValue().batched(-1))));                 // [windows, h, w, c]
        placeholders.put(entry.getKey(), input);
        operands.put(entry.getKey(), input);
      }
      Placeholder<TInt32> recordIndex = tf.withName(RECORD_INDEX).placeholder(TInt32.class,
          Placeholder.shape(Shape.of(-1)));                                             // [windows]
      Network inference = new Network(tf.withSubScope("inference"), Network.Mode.INFER, variables, null);
      ModelOutput output = model.build(inference, ModelInputs.of(operands, shapes), classes);
      Operand<TFloat32> windowProbabilities = multiLabel
          ? tf.withName(WINDOW_PROBABILITIES).math.sigmoid(output.logits())              // [windows, classes]
          : tf.withName(WINDOW_PROBABILITIES).nn.softmax(output.logits());               // [windows, classes]
      Operand<TInt32> records = tf.math.add(tf.max(recordIndex, tf.constant(0)), tf.constant(1)); // []
      Operand<TFloat32> probabilities;
      if (aggregate == RecordScoring.Aggregate.MAX) {
        probabilities = tf.withName(PROBABILITIES).math.unsortedSegmentMax(windowProbabilities, recordIndex,
            records);                                                                    // [records, classes]
      } else {
        Operand<TFloat32> sums = tf.math.unsortedSegmentSum(windowProbabilities, recordIndex, records); // [records, classes]
        Operand<TFloat32> ones = tf.onesLike(tf.dtypes.cast(recordIndex, TFloat32.class));              // [windows]
        Operand<TFloat32> counts = tf.reshape(tf.math.unsortedSegmentSum(ones, recordIndex, records),
            tf.constant(new int[] {-1, 1}));                                             // [records, 1]
        probabilities = tf.withName(PROBABILITIES).math.div(sums, counts);              // [records, classes]
      }
      Optional<RawPath> raw = rawFormat == null ? Optional.empty()
          : rawPath(tf, model, shapes, classes, multiLabel, rawFormat, variables);
      return new ServingGraph(graph, Collections.unmodifiableMap(placeholders), recordIndex, windowProbabilities,
          probabilities, raw);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * What the raw path needs: the records' format, their windows and the representations fitted for
   * records of that length.
   */
  record RawFormat(ModelFormat format, FittedInputs inputs) {}

  private static Optional<RawPath> rawPath(Ops root, Model model, Map<String, ExampleShape> shapes, int classes,
                                           boolean multiLabel, RawFormat raw, VariableStore variables) {
    Ops tf = root.withSubScope("raw");
    int samples = raw.format().format().samples();
    int leads = raw.format().format().channels();
    int window = raw.format().scoring().windowSamples();
    int[] starts = raw.format().scoring().starts(samples);
    Placeholder<TFloat32> signal = root.withName(SIGNAL).placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, samples, leads)));                               // [records, samples, leads]
    int[][] indices = new int[starts.length][window];
    for (int w = 0; w < starts.length; w++) {
      for (int i = 0; i < window; i++) {
        indices[w][i] = starts[w] + i;
      }
    }
    Operand<TFloat32> cut = tf.gather(signal, tf.constant(indices), tf.constant(1));   // [records, windows, window, leads]
    Operand<TFloat32> windows = tf.reshape(cut, tf.constant(new int[] {-1, window, leads})); // [records·windows, window, leads]
    Map<String, Operand<TFloat32>> examples = new LinkedHashMap<>();
    for (String input : shapes.keySet()) {
      if (!(raw.inputs().get(input) instanceof GraphEncodable encodable)) {
        return Optional.empty();
      }
      Optional<Operand<TFloat32>> encoded = encodable.encodeInGraph(tf.withSubScope("encode_" + input), windows);
      if (encoded.isEmpty()) {
        return Optional.empty();
      }
      examples.put(input, encoded.get());                                               // [records·windows, h, w, c]
    }
    Network inference = new Network(root.withSubScope("inference_raw"), Network.Mode.INFER, variables, null);
    ModelOutput output = model.build(inference, ModelInputs.of(examples, shapes), classes);
    Operand<TFloat32> flat = multiLabel ? tf.math.sigmoid(output.logits())
        : tf.nn.softmax(output.logits());                                              // [records·windows, classes]
    Operand<TFloat32> perWindow = root.withName("raw_" + WINDOW_PROBABILITIES).reshape(flat,
        tf.constant(new int[] {-1, starts.length, classes}));                            // [records, windows, classes]
    Operand<TFloat32> perRecord = raw.format().scoring().aggregate() == RecordScoring.Aggregate.MAX
        ? root.withName("raw_" + PROBABILITIES).max(perWindow, tf.constant(1))           // [records, classes]
        : root.withName("raw_" + PROBABILITIES).math.mean(perWindow, tf.constant(1));    // [records, classes]
    return Optional.of(new RawPath(signal, perWindow, perRecord));
  }

  /** The signature's name of a model input: {@code input} for a single input, else {@code input_<name>}. */
  static String inputName(String input) {
    return input.equals(ModelInputs.SINGLE) ? "input" : "input_" + input;
  }

  Graph graph() {
    return graph;
  }

  Map<String, Placeholder<TFloat32>> inputs() {
    return inputs;
  }

  Placeholder<TInt32> recordIndex() {
    return recordIndex;
  }

  Operand<TFloat32> windowProbabilities() {
    return windowProbabilities;
  }

  Operand<TFloat32> probabilities() {
    return probabilities;
  }

  /** The path from whole recordings, where every representation can be written as graph ops. */
  Optional<RawPath> raw() {
    return raw;
  }

  @Override
  public void close() {
    graph.close();
  }
}
