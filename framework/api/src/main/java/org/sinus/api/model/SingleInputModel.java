package org.sinus.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sinus.api.nn.Network;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A model of one input, the example of the experiment's (or a fusion branch's) representation. */
public interface SingleInputModel extends Model {

  /** The shapes of input the model can read. */
  InputRequirement accepts();

  /**
   * @param input {@code [batch, height, width, channels]} examples
   * @param shape the example shape (input without the batch axis)
   */
  ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes);

  @Override
  default List<String> checkInputs(Map<String, ExampleShape> inputs) {
    List<String> problems = new ArrayList<>();
    if (inputs.size() != 1) {
      problems.add("reads one input, got " + inputs.size() + " (" + String.join(", ", inputs.keySet()) + ")");
    } else {
      accepts().check(inputs.values().iterator().next()).ifPresent(problems::add);
    }
    return problems;
  }

  @Override
  default ModelOutput build(Network net, ModelInputs inputs, int classes) {
    return build(net, inputs.single(), inputs.singleShape(), classes);
  }
}
