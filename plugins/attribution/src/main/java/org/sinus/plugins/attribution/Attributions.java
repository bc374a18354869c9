package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.plugin.ComponentConfig;

/** What the explainers of this plugin do with examples and relevance in the inputs' domains. */
final class Attributions {
  private Attributions() {}

  /** The target's windows as the model reads them, one example per window. */
  static Examples windows(ExplainerContext context, ExplainTarget target) {
    float[][] signals = new float[target.windows()][];
    Arrays.fill(signals, target.signal());
    return context.encode(signals, target.windowStarts());
  }

  /** {@code label}, {@code count} times. */
  static int[] labels(int count, int label) {
    int[] labels = new int[count];
    Arrays.fill(labels, label);
    return labels;
  }

  /** The output of class {@code label} of each of the examples, from {@code count × classes} outputs. */
  static double[] column(float[] outputs, int classes, int label) {
    double[] column = new double[outputs.length / classes];
    for (int i = 0; i < column.length; i++) {
      column[i] = outputs[i * classes + label];
    }
    return column;
  }

  /** The {@code output} key of the explainers of this plugin: probability | logit. */
  static ModelHandle.Output output(ComponentConfig config) {
    return ModelHandle.Output.valueOf(config.getChoice("output", List.of("probability", "logit"))
        .toUpperCase(Locale.ROOT));
  }

  /** The output name for method descriptions and details. */
  static String name(ModelHandle.Output output) {
    return output.name().toLowerCase(Locale.ROOT);
  }

  /** Example {@code index} of every input, in input order (copies). */
  static float[][] example(Examples examples, int index) {
    float[][] example = new float[examples.shapes().size()][];
    int n = 0;
    for (String input : examples.shapes().keySet()) {
      example[n++] = examples.example(input, index);
    }
    return example;
  }

  /** Every example of {@code examples} ({@link #example}). */
  static List<float[][]> each(Examples examples) {
    List<float[][]> each = new ArrayList<>();
    for (int i = 0; i < examples.count(); i++) {
      each.add(example(examples, i));
    }
    return each;
  }

  /** The mean of the examples, value by value: one example. */
  static Examples mean(Examples examples) {
    Map<String, float[]> means = new LinkedHashMap<>();
    examples.values().forEach((input, values) -> {
      int size = examples.shapes().get(input).size();
      double[] sum = new double[size];
      for (int i = 0; i < values.length; i++) {
        sum[i % size] += values[i];
      }
      float[] mean = new float[size];
      for (int i = 0; i < size; i++) {
        mean[i] = (float) (sum[i] / examples.count());
      }
      means.put(input, mean);
    });
    return new Examples(means, examples.shapes(), 1);
  }

  /** Relevance per input and window ({@code [window][value]}) of one example of relevance per window. */
  static Map<String, float[][]> perWindow(Examples relevance) {
    Map<String, float[][]> perWindow = new LinkedHashMap<>();
    for (String input : relevance.shapes().keySet()) {
      float[][] windows = new float[relevance.count()][];
      for (int w = 0; w < windows.length; w++) {
        windows[w] = relevance.example(input, w);
      }
      perWindow.put(input, windows);
    }
    return perWindow;
  }

  /**
   * How close the relevance of each window, summed over every value of every input, comes to the
   * change of the explained output it should add up to (completeness).
   *
   * @param windows per window its start, the sum, the change and their difference (the gap)
   * @param largestGap the largest |gap| of a window
   * @param largestRelativeGap the largest |gap| of a window relative to its |change| (or to
   *     {@link #SMALLEST_CHANGE} when the change is smaller)
   */
  record Completeness(List<Map<String, Object>> windows, double largestGap, double largestRelativeGap) {
    /** Output changes smaller than this count as this large when a gap is judged relative to the change. */
    static final double SMALLEST_CHANGE = 1e-3;

    static Completeness of(Examples relevance, double[] outputChange, int[] starts) {
      List<Map<String, Object>> windows = new ArrayList<>();
      double largestGap = 0;
      double largestRelativeGap = 0;
      for (int w = 0; w < relevance.count(); w++) {
        double sum = 0;
        for (String input : relevance.shapes().keySet()) {
          for (float v : relevance.example(input, w)) {
            sum += v;
          }
        }
        double gap = sum - outputChange[w];
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("start", starts[w]);
        window.put("attribution_sum", sum);
        window.put("output_change", outputChange[w]);
        window.put("gap", gap);
        windows.add(window);
        largestGap = Math.max(largestGap, Math.abs(gap));
        largestRelativeGap = Math.max(largestRelativeGap, Math.abs(gap) / Math.max(Math.abs(outputChange[w]),
            SMALLEST_CHANGE));
      }
      return new Completeness(windows, largestGap, largestRelativeGap);
    }

    /** Into the details of an explanation. */
    void describe(Map<String, Object> details) {
      details.put("completeness_gap", largestGap);
      details.put("completeness_relative_gap", largestRelativeGap);
      details.put("completeness", windows);
    }
  }
}
