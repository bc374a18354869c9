package org.sinus.engine.testing;

import org.sinus.api.model.InputRequirement;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.SingleInputModel;
import org.sinus.api.nn.Network;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A small 1D CNN with what the engine must handle in a real model: convolutions, batch norm
 * (moving statistics updated in training), dropout, pooling and a linear head; its two
 * convolutions' outputs are feature maps {@code conv1} and {@code conv2}.
 *
 * @param filters filters of both convolutions
 * @param dropout dropout before the head
 */
public record TinyConvNet(int filters, double dropout) implements SingleInputModel {
  @Override
  public InputRequirement accepts() {
    return InputRequirement.oneDimensional(4);
  }

  @Override
  public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
    Operand<TFloat32> x = net.conv1d("conv1", input, filters, 5, 1, 2, false);          // [batch, 1, T, f]
    x = net.featureMap("conv1", net.relu(net.batchNorm("bn1", x)));                    // [batch, 1, T, f]
    x = net.conv1d("conv2", x, filters, 3, 2, 1, false);                                // [batch, 1, T/2, f]
    x = net.featureMap("conv2", net.relu(net.batchNorm("bn2", x)));                    // [batch, 1, T/2, f]
    Operand<TFloat32> features = net.globalAvgPool(x);                                  // [batch, f]
    return ModelOutput.of(features, () -> net.dense("head", net.dropout(features, dropout), classes, true)); // [batch, classes]
  }
}
