package org.sinus.plugins.attribution;

import org.sinus.api.model.InputRequirement;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.SingleInputModel;
import org.sinus.api.nn.Initializer;
import org.sinus.api.nn.Network;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A model whose logits are linear in its input: {@code logit_c = Σ_i x_i · weight(i, c)}, with
 * known weights, so that attributions have an analytic value; it exposes no feature maps.
 */
record LinearTestModel() implements SingleInputModel {

  /** The weight of input value {@code i} (in the example's layout) for class {@code c}. */
  static float weight(int i, int c) {
    return (float) (0.05 * Math.sin(0.7 * i + 1.3 * c));
  }

  @Override
  public InputRequirement accepts() {
    return InputRequirement.twoDimensional(1);
  }

  @Override
  public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
    Operand<TFloat32> flat = net.flatten(input);                                          // [batch, n]
    int n = shape.size();
    Initializer known = (dims, fanIn, fanOut, random) -> {
      float[] values = new float[n * classes];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < classes; c++) {
          values[i * classes + c] = weight(i, c);
        }
      }
      return values;
    };
    Variable<TFloat32> w = net.weight("w", new long[] {n, classes}, n, classes, known);   // [n, classes]
    return ModelOutput.of(flat, () -> net.tf().linalg.matMul(flat, w));                  // [batch, classes]
  }
}
