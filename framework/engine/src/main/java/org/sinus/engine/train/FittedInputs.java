package org.sinus.engine.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordSet;

/**
 * The model's inputs, in the model's order, each with the fitted representation that makes it:
 * one input named {@code input} for most models, one per branch for a fusion model.
 */
public final class FittedInputs {
  private final Map<String, FittedRepresentation> inputs;
  private final Map<String, ExampleShape> shapes = new LinkedHashMap<>();

  public FittedInputs(Map<String, FittedRepresentation> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one input");
    }
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    inputs.forEach((name, representation) -> shapes.put(name, representation.shape()));
  }

  public List<String> names() {
    return List.copyOf(inputs.keySet());
  }

  public int count() {
    return inputs.size();
  }

  public FittedRepresentation get(String name) {
    return inputs.get(name);
  }

  /** The representations in input order. */
  public List<FittedRepresentation> representations() {
    return List.copyOf(inputs.values());
  }

  /** Every input's example shape, in input order. */
  public Map<String, ExampleShape> shapes() {
    return Collections.unmodifiableMap(shapes);
  }

  /** Tells every representation which records are about to be encoded. */
  public void precompute(RecordSet records) {
    inputs.values().forEach(r -> r.precompute(records));
  }

  /** Every input's fitted state, by input name (what {@code representation-state.json} holds). */
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    inputs.forEach((name, representation) -> state.put(name, representation.state()));
    return state;
  }
}
