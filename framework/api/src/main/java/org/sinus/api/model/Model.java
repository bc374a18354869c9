package org.sinus.api.model;

import java.util.List;
import java.util.Map;
import org.sinus.api.nn.Network;
import org.sinus.api.plugin.ExtensionPoint;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.Representation;

/**
 * A network architecture: builds the graph from its inputs to its features and class logits with
 * the layers of {@link Network}. Built from its config block by a factory bound to
 * {@link #POINT}; holds only its hyperparameters. Most models read one input and implement
 * {@link SingleInputModel}; a model that joins several views of the signal (a fusion of branches)
 * brings a representation per input ({@link #representations()}) and reads them all.
 *
 * <p>The trainer calls {@link #build} twice on one graph: once with a training network (batch
 * statistics, dropout on) and once with an inference network (moving statistics, dropout off).
 * Both share their variables by name, so the model must create the same layers in the same order
 * each time.
 */
public interface Model {
  /** The {@code model} extension point. */
  ExtensionPoint<Model> POINT = ExtensionPoint.of("model", Model.class, "networks");

  /**
   * The representations of the model's own named inputs, e.g. a fusion model's branches, each
   * built from a nested {@code representation} block; empty (the default) for a model that reads
   * the one input {@value ModelInputs#SINGLE}, made by the experiment's {@code representation} block.
   */
  default Map<String, Representation> representations() {
    return Map.of();
  }

  /**
   * Parts of the model that start from trained runs (a fusion's branches given by {@code from-run});
   * empty by default.
   */
  default List<PretrainedPart> pretrained() {
    return List.of();
  }

  /**
   * What stops the model from reading inputs of these shapes, one message per problem (e.g.
   * "reads [1, time, channels] (a 1D signal), got [32, 250, 12]"); empty when it can. Called
   * before any graph is built, so that a mismatch is a configuration error, not a TensorFlow crash.
   */
  List<String> checkInputs(Map<String, ExampleShape> inputs);

  /**
   * @param net the layer library, bound to the graph and the mode
   * @param inputs {@code [batch, height, width, channels]} examples, one per input
   * @param classes number of outputs
   * @return the features ({@code [batch, d]}) and the {@code [batch, classes]} logits
   */
  ModelOutput build(Network net, ModelInputs inputs, int classes);
}
