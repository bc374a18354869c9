package org.sinus.api.model;

import org.sinus.api.plugin.ExtensionPoint;
import org.sinus.api.nn.Network;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A network architecture: builds the graph from an input tensor to class logits with the layers
 * of {@link Network}. Built from its config block by a factory bound to {@link #POINT}; holds only its
 * hyperparameters.
 *
 * <p>The trainer calls {@link #logits} twice on one graph: once with a training network (batch
 * statistics, dropout on) and once with an inference network (moving statistics, dropout off).
 * Both share their variables by name, so the model must create the same layers in the same order
 * each time.
 */
public interface Model {
  /** The {@code model} extension point. */
  ExtensionPoint<Model> POINT = ExtensionPoint.of("model", Model.class, "networks");

  /**
   * @param net the layer library, bound to the graph and the mode
   * @param input {@code [batch, height, width, channels]} examples from the representation
   * @param shape the example shape (input without the batch axis)
   * @param classes number of outputs
   * @return {@code [batch, classes]} logits
   */
  Operand<TFloat32> logits(Network net, Operand<TFloat32> input, ExampleShape shape, int classes);
}
