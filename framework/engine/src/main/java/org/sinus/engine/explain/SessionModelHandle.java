package org.sinus.engine.explain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.FeatureMapGradients;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.representation.ExampleShape;
import org.sinus.engine.train.TrainingSession;

/**
 * A trained model in a TensorFlow session as explainers see it. Large requests are split into
 * batches of at most {@code batchSize} examples.
 */
public final class SessionModelHandle implements ModelHandle {
  private final TrainingSession session;
  private final List<String> classes;
  private final int batchSize;

  public SessionModelHandle(TrainingSession session, List<String> classes, int batchSize) {
    if (classes.size() != session.graph().classes()) {
      throw new IllegalArgumentException(classes.size() + " class names for a model of " + session.graph().classes()
          + " outputs");
    }
    this.session = session;
    this.classes = List.copyOf(classes);
    this.batchSize = batchSize;
  }

  @Override
  public List<String> classes() {
    return classes;
  }

  @Override
  public float[] predict(Examples examples) {
    return predict(examples, Output.PROBABILITY);
  }

  @Override
  public float[] predict(Examples examples, Output output) {
    check(examples);
    int k = classes.size();
    float[] out = new float[examples.count() * k];
    for (int first = 0; first < examples.count(); first += batchSize) {
      int count = Math.min(batchSize, examples.count() - first);
      float[] part = session.predict(slice(examples, first, count), count, output == Output.LOGIT);
      System.arraycopy(part, 0, out, first * k, count * k);
    }
    return out;
  }

  @Override
  public Map<String, float[]> predictParts(Examples examples) {
    List<String> parts = session.graph().parts();
    if (parts.isEmpty()) {
      return Map.of();
    }
    check(examples);
    int k = classes.size();
    Map<String, float[]> out = new LinkedHashMap<>();
    parts.forEach(part -> out.put(part, new float[examples.count() * k]));
    for (int first = 0; first < examples.count(); first += batchSize) {
      int count = Math.min(batchSize, examples.count() - first);
      float[] batch = session.predictParts(slice(examples, first, count), count);        // [count, parts, classes]
      for (int i = 0; i < count; i++) {
        for (int p = 0; p < parts.size(); p++) {
          System.arraycopy(batch, (i * parts.size() + p) * k, out.get(parts.get(p)), (first + i) * k, k);
        }
      }
    }
    return out;
  }

  @Override
  public Examples gradients(Examples examples, int[] labels, Output output) {
    check(examples, labels);
    List<String> names = List.copyOf(examples.shapes().keySet());
    Map<String, float[]> out = new LinkedHashMap<>();
    names.forEach(name -> out.put(name, new float[examples.values().get(name).length]));
    for (int first = 0; first < examples.count(); first += batchSize) {
      int count = Math.min(batchSize, examples.count() - first);
      float[][] part = session.inputGradients(slice(examples, first, count), count, selector(labels, first, count),
          output == Output.LOGIT);
      for (int n = 0; n < names.size(); n++) {
        int size = examples.shapes().get(names.get(n)).size();
        System.arraycopy(part[n], 0, out.get(names.get(n)), first * size, count * size);
      }
    }
    return new Examples(out, examples.shapes(), examples.count());
  }

  @Override
  public List<String> featureMaps() {
    return session.graph().featureMaps();
  }

  @Override
  public FeatureMapGradients featureMapGradients(Examples examples, int[] labels, Output output, String layer) {
    check(examples, labels);
    long[] shape = session.graph().featureMap(layer).shape().asArray();                 // [batch, h, w, c]
    for (int axis = 1; axis < 4; axis++) {
      if (shape[axis] < 0) {
        throw new IllegalArgumentException("feature map '" + layer + "' has no static shape: " + Arrays.toString(shape));
      }
    }
    int size = (int) (shape[1] * shape[2] * shape[3]);
    float[] activations = new float[examples.count() * size];
    float[] gradients = new float[activations.length];
    for (int first = 0; first < examples.count(); first += batchSize) {
      int count = Math.min(batchSize, examples.count() - first);
      FeatureMapGradients part = session.featureMapGradients(slice(examples, first, count), count,
          selector(labels, first, count), output == Output.LOGIT, layer);
      System.arraycopy(part.activations(), 0, activations, first * size, count * size);
      System.arraycopy(part.gradients(), 0, gradients, first * size, count * size);
    }
    return new FeatureMapGradients(layer, examples.count(), (int) shape[1], (int) shape[2], (int) shape[3],
        activations, gradients);
  }

  /** One-hot rows of the classes of examples {@code [first, first + count)}. */
  private float[] selector(int[] labels, int first, int count) {
    int k = classes.size();
    float[] selector = new float[count * k];
    for (int i = 0; i < count; i++) {
      int label = labels[first + i];
      if (label < 0 || label >= k) {
        throw new IllegalArgumentException("class " + label + " of example " + (first + i) + " is not one of the "
            + k + " outputs");
      }
      selector[i * k + label] = 1;
    }
    return selector;
  }

  private void check(Examples examples, int[] labels) {
    check(examples);
    if (labels.length != examples.count()) {
      throw new IllegalArgumentException(labels.length + " labels for " + examples.count() + " examples");
    }
  }

  private void check(Examples examples) {
    Map<String, ExampleShape> expected = session.graph().shapes();
    if (!List.copyOf(examples.shapes().keySet()).equals(List.copyOf(expected.keySet()))
        || !examples.shapes().equals(expected)) {
      throw new IllegalArgumentException("examples of " + examples.shapes() + " for a model that reads " + expected);
    }
  }

  /** Examples {@code [first, first + count)} of every input, in input order. */
  private static float[][] slice(Examples examples, int first, int count) {
    float[][] out = new float[examples.shapes().size()][];
    int n = 0;
    for (Map.Entry<String, ExampleShape> input : examples.shapes().entrySet()) {
      int size = input.getValue().size();
      float[] all = examples.values().get(input.getKey());
      if (first == 0 && count == examples.count()) {
        out[n++] = all;
      } else {
        out[n] = new float[count * size];
        System.arraycopy(all, first * size, out[n++], 0, count * size);
      }
    }
    return out;
  }
}
