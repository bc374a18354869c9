package org.sinus.engine.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.nn.Network;
import org.sinus.api.nn.VariableStore;
import org.sinus.api.representation.ExampleShape;
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

  private final Graph graph;
  private final Map<String, Placeholder<TFloat32>> inputs;
  private final Placeholder<TInt32> recordIndex;
  private final Operand<TFloat32> windowProbabilities;
  private final Operand<TFloat32> probabilities;

  private ServingGraph(Graph graph, Map<String, Placeholder<TFloat32>> inputs, Placeholder<TInt32> recordIndex,
                       Operand<TFloat32> windowProbabilities, Operand<TFloat32> probabilities) {
    this.graph = graph;
    this.inputs = inputs;
    this.recordIndex = recordIndex;
    this.windowProbabilities = windowProbabilities;
    this.probabilities = probabilities;
  }

  /**
   * @param shapes every input's example shape, in the model's input order
   * @param multiLabel sigmoid outputs (else softmax)
   * @param aggregate how a record's windows are combined
   */
  static ServingGraph build(Model model, Map<String, ExampleShape> shapes, int classes, boolean multiLabel,
                            RecordScoring.Aggregate aggregate) {
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
      return new ServingGraph(graph, Collections.unmodifiableMap(placeholders), recordIndex, windowProbabilities,
          probabilities);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
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

  @Override
  public void close() {
    graph.close();
  }
}
