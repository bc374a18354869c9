package org.sinus.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Gradients of the inference network's output for chosen classes with respect to every input (or
 * to the activations of a feature map): a fed {@code [batch, classes]} selector (one-hot rows)
 * picks each example's class, and {@code tf.gradients} of the sum of the selected outputs gives
 * each example's own gradient (examples do not interact in inference: batch norm uses its moving
 * statistics).
 *
 * @param selector {@code [batch, classes]}: 1 at the class whose output is differentiated
 * @param ofProbabilities per input, in input order, the gradient of the selected probabilities
 * @param ofLogits per input, in input order, the gradient of the selected logits
 */
public record InputGradients(Placeholder<TFloat32> selector, List<Output<TFloat32>> ofProbabilities,
                             List<Output<TFloat32>> ofLogits) {

  static InputGradients build(Graph graph, Operand<TFloat32> probabilities, Operand<TFloat32> logits,
                              Map<String, Placeholder<TFloat32>> inputs, int classes) {
    return build(graph, "explain", probabilities, logits, List.copyOf(inputs.values()), classes);
  }

  /**
   * The gradients with respect to {@code xs} (inputs or inner tensors of the inference network),
   * built in the name scope {@code scope}, which must be new in the graph.
   */
  static InputGradients build(Graph graph, String scope, Operand<TFloat32> probabilities, Operand<TFloat32> logits,
                              List<? extends Operand<TFloat32>> xs, int classes) {
    Ops tf = Ops.create(graph).withSubScope(scope);
    Placeholder<TFloat32> selector = tf.withName("class_selector").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, classes)));                                       // [batch, classes]
    Operand<TFloat32> selectedProbability = tf.reduceSum(tf.math.mul(probabilities, selector),
        tf.constant(new int[] {0, 1}));                                                   // []
    Operand<TFloat32> selectedLogit = tf.reduceSum(tf.math.mul(logits, selector),
        tf.constant(new int[] {0, 1}));                                                   // []
    List<Operand<?>> targets = List.copyOf(xs);
    return new InputGradients(selector, outputs(tf.gradients(selectedProbability, targets), xs.size()),
        outputs(tf.gradients(selectedLogit, targets), xs.size()));                        // [batch, h, w, c] each
  }

  private static List<Output<TFloat32>> outputs(Gradients gradients, int count) {
    List<Output<TFloat32>> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(gradients.dy(i));
    }
    return list;
  }
}
