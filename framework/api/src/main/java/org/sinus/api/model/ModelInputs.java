package org.sinus.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The named input tensors of a model's graph, {@code [batch, height, width, channels]} each, with their shapes. */
public final class ModelInputs {
  /** The name of the input of a model that reads one. */
  public static final String SINGLE = "input";

  private final Map<String, Operand<TFloat32>> operands;
  private final Map<String, ExampleShape> shapes;

  private ModelInputs(Map<String, Operand<TFloat32>> operands, Map<String, ExampleShape> shapes) {
    if (!operands.keySet().equals(shapes.keySet())) {
      throw new IllegalArgumentException("inputs " + operands.keySet() + " but shapes of " + shapes.keySet());
    }
    this.operands = Collections.unmodifiableMap(new LinkedHashMap<>(operands));
    this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
  }

  public static ModelInputs of(Map<String, Operand<TFloat32>> operands, Map<String, ExampleShape> shapes) {
    return new ModelInputs(operands, shapes);
  }

  /** One input named {@value #SINGLE}. */
  public static ModelInputs single(Operand<TFloat32> input, ExampleShape shape) {
    return new ModelInputs(Map.of(SINGLE, input), Map.of(SINGLE, shape));
  }

  public Set<String> names() {
    return operands.keySet();
  }

  public Operand<TFloat32> get(String name) {
    Operand<TFloat32> input = operands.get(name);
    if (input == null) {
      throw new IllegalArgumentException("no input '" + name + "'; the inputs are " + operands.keySet());
    }
    return input;
  }

  public ExampleShape shape(String name) {
    get(name);
    return shapes.get(name);
  }

  /** The input of a model that reads one. */
  public Operand<TFloat32> single() {
    return get(onlyName());
  }

  public ExampleShape singleShape() {
    return shapes.get(onlyName());
  }

  private String onlyName() {
    if (operands.size() != 1) {
      throw new IllegalStateException("the model reads one input, but there are " + operands.keySet());
    }
    return operands.keySet().iterator().next();
  }
}
