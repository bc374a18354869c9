package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.representation.ExampleShape;

/**
 * Sums of path gradients, the core of integrated gradients and gradient SHAP: for points
 * {@code start + α (end − start)} on straight paths between two examples, it accumulates
 * {@code weight · (end − start) ⊙ ∇f(point)} into the relevance of a window, where {@code f} is
 * the explained class's output. Points are collected and sent to the model in batches of bounded
 * size, so any number of points takes bounded memory.
 */
final class PathSums {
  /** Values of all inputs held in one batch of points at most (4 M floats, 16 MB). */
  private static final int BATCH_VALUES = 1 << 22;

  private final ModelHandle model;
  private final Map<String, ExampleShape> shapes;
  private final int label;
  private final ModelHandle.Output output;
  private final int[] sizes;
  private final double[][][] sums;
  private final int capacity;
  private final float[][] batch;
  private final List<Point> pending = new ArrayList<>();
  private long evaluated;

  private record Point(int window, float[][] start, float[][] end, double weight) {}

  /**
   * @param shapes the inputs' example shapes, in the model's input order
   * @param windows windows whose relevance is accumulated
   * @param points how many points will be added (to size the batches)
   */
  PathSums(ModelHandle model, Map<String, ExampleShape> shapes, int windows, int label, ModelHandle.Output output,
           long points) {
    this.model = model;
    this.shapes = shapes;
    this.label = label;
    this.output = output;
    this.sizes = shapes.values().stream().mapToInt(ExampleShape::size).toArray();
    this.sums = new double[windows][sizes.length][];
    for (double[][] window : sums) {
      for (int n = 0; n < sizes.length; n++) {
        window[n] = new double[sizes[n]];
      }
    }
    this.capacity = (int) Math.max(1, Math.min(points, BATCH_VALUES / Arrays.stream(sizes).sum()));
    this.batch = new float[sizes.length][];
    for (int n = 0; n < sizes.length; n++) {
      batch[n] = new float[capacity * sizes[n]];
    }
  }

  /**
   * Adds the point {@code start + alpha · (end − start)} of the path to {@code window}'s relevance
   * with {@code weight}; {@code start} and {@code end} are examples ({@link Attributions#example})
   * that must not change until {@link #sums()}.
   */
  void add(int window, float[][] start, float[][] end, double alpha, double weight) {
    int slot = pending.size();
    for (int n = 0; n < sizes.length; n++) {
      float[] from = start[n];
      float[] to = end[n];
      float[] values = batch[n];
      int offset = slot * sizes[n];
      for (int i = 0; i < sizes[n]; i++) {
        values[offset + i] = (float) (from[i] + alpha * (to[i] - from[i]));
      }
    }
    pending.add(new Point(window, start, end, weight));
    if (pending.size() == capacity) {
      flush();
    }
  }

  private void flush() {
    int count = pending.size();
    if (count == 0) {
      return;
    }
    Map<String, float[]> values = new LinkedHashMap<>();
    int n = 0;
    for (String input : shapes.keySet()) {
      values.put(input, count == capacity ? batch[n] : Arrays.copyOf(batch[n], count * sizes[n]));
      n++;
    }
    Examples gradients = model.gradients(new Examples(values, shapes, count), Attributions.labels(count, label), output);
    n = 0;
    for (String input : shapes.keySet()) {
      float[] gradient = gradients.values().get(input);
      int size = sizes[n];
      for (int p = 0; p < count; p++) {
        Point point = pending.get(p);
        double[] sum = sums[point.window()][n];
        float[] from = point.start()[n];
        float[] to = point.end()[n];
        int offset = p * size;
        for (int i = 0; i < size; i++) {
          sum[i] += point.weight() * (to[i] - from[i]) * gradient[offset + i];
        }
      }
      n++;
    }
    evaluated += count;
    pending.clear();
  }

  /** The relevance accumulated so far, one example per window. */
  Examples sums() {
    flush();
    Map<String, float[]> values = new LinkedHashMap<>();
    int n = 0;
    for (String input : shapes.keySet()) {
      float[] flat = new float[sums.length * sizes[n]];
      for (int w = 0; w < sums.length; w++) {
        for (int i = 0; i < sizes[n]; i++) {
          flat[w * sizes[n] + i] = (float) sums[w][n][i];
        }
      }
      values.put(input, flat);
      n++;
    }
    return new Examples(values, shapes, sums.length);
  }

  /** Points whose gradient has been taken. */
  long evaluated() {
    return evaluated;
  }
}
