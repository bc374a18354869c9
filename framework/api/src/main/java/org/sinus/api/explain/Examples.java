package org.sinus.api.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sinus.api.representation.ExampleShape;

/**
 * A batch of examples as a model reads them: for every named input, {@code count} examples of its
 * shape laid out one after another.
 *
 * @param values per input, {@code count × shape.size()} values
 * @param shapes per input, the example shape
 * @param count examples in the batch
 */
public record Examples(Map<String, float[]> values, Map<String, ExampleShape> shapes, int count) {
  public Examples {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
    if (!values.keySet().equals(shapes.keySet())) {
      throw new IllegalArgumentException("values of inputs " + values.keySet() + " but shapes of " + shapes.keySet());
    }
    for (Map.Entry<String, float[]> entry : values.entrySet()) {
      long expected = (long) count * shapes.get(entry.getKey()).size();
      if (entry.getValue().length != expected) {
        throw new IllegalArgumentException("input '" + entry.getKey() + "' has " + entry.getValue().length
            + " values, expected " + count + " × " + shapes.get(entry.getKey()));
      }
    }
  }

  /** Empty examples of the given shapes (zeros), to be filled. */
  public static Examples zeros(Map<String, ExampleShape> shapes, int count) {
    Map<String, float[]> values = new LinkedHashMap<>();
    shapes.forEach((name, shape) -> values.put(name, new float[count * shape.size()]));
    return new Examples(values, shapes, count);
  }

  /** The values of example {@code index} of input {@code name} (a copy). */
  public float[] example(String name, int index) {
    int size = shapes.get(name).size();
    float[] out = new float[size];
    System.arraycopy(values.get(name), index * size, out, 0, size);
    return out;
  }
}
