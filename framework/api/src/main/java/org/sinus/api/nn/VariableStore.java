package org.sinus.api.nn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The variables of one graph, by name. The training and the inference network of a model ask for
 * the same names and get the same variables. Each variable's initial value is drawn from a random
 * stream seeded by the run's seed and the variable's name.
 */
public final class VariableStore {
  private final Ops tf;
  private final long seed;
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
  private final List<String> trainable = new ArrayList<>();
  private final List<String> fitted = new ArrayList<>();
  private final boolean initialized;

  public VariableStore(Ops tf, long seed) {
    this(tf, seed, true);
  }

  private VariableStore(Ops tf, long seed, boolean initialized) {
    this.tf = tf;
    this.seed = seed;
    this.initialized = initialized;
  }

  /**
   * A store whose variables get no initial values: for building a graph only to inspect it (count
   * parameters, check shapes), which is then fast even for tens of millions of parameters. Such a
   * graph cannot run.
   */
  public static VariableStore withoutInitialValues(Ops tf) {
    return new VariableStore(tf, 0, false);
  }

  /**
   * The variable called {@code name}, created with values from {@code initializer} on first use.
   * Asking again with another shape is a model bug and fails.
   */
  public Variable<TFloat32> get(String name, long[] shape, int fanIn, int fanOut, Initializer initializer,
                                boolean isTrainable) {
    Variable<TFloat32> existing = variables.get(name);
    if (existing != null) {
      if (!existing.shape().equals(Shape.of(shape))) {
        throw new IllegalStateException("variable " + name + " was created with shape " + existing.shape()
            + " and is asked for again with " + Shape.of(shape));
      }
      return existing;
    }
    Ops scoped = tf;
    String[] parts = name.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      scoped = scoped.withSubScope(parts[i]);
    }
    Variable<TFloat32> variable;
    if (initialized) {
      float[] values = initializer.values(shape, fanIn, fanOut, new SplittableRandom(seedOf(name)));
      var initial = scoped.withInitScope().withName(parts[parts.length - 1] + "_init")
          .constant(Shape.of(shape), DataBuffers.of(values, true, false));
      variable = scoped.withName(parts[parts.length - 1]).variable(initial);
    } else {
      variable = scoped.withName(parts[parts.length - 1]).variable(Shape.of(shape), TFloat32.class);
    }
    variables.put(name, variable);
    if (isTrainable) {
      trainable.add(name);
    }
    return variable;
  }

  private long seedOf(String name) {
    long hash = 1125899906842597L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash = 31 * hash + b;
    }
    return hash ^ (seed * 0x9E3779B97F4A7C15L);
  }

  /**
   * A variable that training does not change but a model fits after training from data it is
   * given (e.g. a fusion's per-class weights, fitted on the validation split); its values are
   * assigned by name and saved with the model.
   */
  public Variable<TFloat32> fitted(String name, long[] shape, Initializer initializer) {
    boolean isNew = !variables.containsKey(name);
    Variable<TFloat32> variable = get(name, shape, 1, 1, initializer, false);
    if (isNew) {
      fitted.add(name);
    }
    return variable;
  }

  /** Names of the {@linkplain #fitted fitted} variables, in creation order. */
  public List<String> fittedNames() {
    return List.copyOf(fitted);
  }

  /** Every variable's name (trainable or not), in creation order. */
  public List<String> names() {
    return List.copyOf(variables.keySet());
  }

  /** The variable called {@code name}, if one was created. */
  public Optional<Variable<TFloat32>> find(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** Trainable variables, in creation order. */
  public List<Variable<TFloat32>> trainable() {
    return trainable.stream().map(variables::get).toList();
  }

  public List<String> trainableNames() {
    return List.copyOf(trainable);
  }

  /** Number of trainable parameters. */
  public long parameterCount() {
    long count = 0;
    for (String name : trainable) {
      count += variables.get(name).shape().size();
    }
    return count;
  }
}
