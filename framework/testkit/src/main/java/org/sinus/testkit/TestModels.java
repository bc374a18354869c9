package org.sinus.testkit;

import org.sinus.api.model.InputRequirement;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.SingleInputModel;
import org.sinus.api.nn.Initializer;
import org.sinus.api.nn.Network;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Small models for tests of other components (explainers, representations in a run). */
public final class TestModels {
  private TestModels() {}

  /**
   * A 3 × 3 convolution (8 filters), ReLU (the feature map {@code conv}), global average pooling
   * and a linear layer; reads any example shape.
   */
  public static SingleInputModel small() {
    return new SingleInputModel() {
      @Override
      public InputRequirement accepts() {
        return InputRequirement.twoDimensional(1);
      }

      @Override
      public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
        Operand<TFloat32> x = net.conv2d("conv", input, 8, 3, 1, 1, true);                     // [batch, h, w, 8]
        Operand<TFloat32> pooled = net.globalAvgPool(net.featureMap("conv", net.relu(x)));      // [batch, 8]
        return ModelOutput.of(pooled, () -> net.dense("linear", pooled, classes, true));         // [batch, classes]
      }
    };
  }

  /**
   * A model whose outputs do not depend on its input: logits are a trained bias plus zero times
   * the input's mean, so every input gradient is exactly 0. Its input is its one feature map
   * ({@code input}), whose gradients are 0 as well.
   */
  public static SingleInputModel constant() {
    return new SingleInputModel() {
      @Override
      public InputRequirement accepts() {
        return InputRequirement.twoDimensional(1);
      }

      @Override
      public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
        Ops tf = net.tf();
        Operand<TFloat32> mean = tf.math.mean(net.featureMap("input", input),
            tf.constant(new int[] {1, 2, 3}));                                                  // [batch]
        Operand<TFloat32> zero = tf.reshape(tf.math.mul(mean, tf.constant(0f)),
            tf.constant(new long[] {-1, 1}));                                                   // [batch, 1]
        return ModelOutput.of(zero, () -> tf.math.add(zero,
            net.weight("bias", new long[] {classes}, 1, classes, Initializer.normal(1))));        // [batch, classes]
      }
    };
  }
}
