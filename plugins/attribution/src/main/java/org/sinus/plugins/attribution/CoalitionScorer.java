package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.util.Parallel;

/**
 * The explained output of a target's signal with some of its features absent, for many coalitions
 * at once: the class probability of the window, or the record's score over its windows as the
 * evaluation aggregates them ({@link org.sinus.api.explain.RecordScoring}), averaged over the
 * replacement signals. Coalitions are scored in batches of about {@value #BATCH} windows: the
 * batch's perturbed signals are built (in parallel), encoded through every input in one call and
 * predicted in one call. A window that no absent feature touches keeps the unperturbed window's
 * probability without a model call.
 */
final class CoalitionScorer {
  /** Windows per encode and predict call. */
  static final int BATCH = 256;
  private static final int THREADS = Runtime.getRuntime().availableProcessors();

  private final ExplainerContext context;
  private final ExplainTarget target;
  private final Features features;
  private final float[][] replacements;
  private final int[] starts;
  private final int windowSamples;
  private final double[] original;
  private long modelWindows;

  /**
   * @param replacements the signals absent features take their samples from; the output is the
   *     mean over them
   */
  CoalitionScorer(ExplainerContext context, ExplainTarget target, Features features, float[][] replacements) {
    this.context = context;
    this.target = target;
    this.features = features;
    this.replacements = replacements.clone();
    this.starts = target.windowStarts();
    this.windowSamples = context.scoring().windowSamples();
    float[][] signals = new float[starts.length][];
    Arrays.fill(signals, target.signal());
    this.original = predict(signals, starts);
  }

  /** The output of the unperturbed signal, f(x). */
  double original() {
    return context.scoring().score(original);
  }

  /** Windows the model was asked for so far (the unperturbed ones included). */
  long modelWindows() {
    return modelWindows;
  }

  /** The output of each coalition ({@code present[k]} per feature), averaged over the replacements. */
  double[] score(boolean[][] coalitions) {
    boolean[][] changed = new boolean[coalitions.length][];
    Parallel.forEachIndex("coalition windows", THREADS, coalitions.length, (state, c) -> {
      changed[c] = new boolean[starts.length];
      for (int w = 0; w < starts.length; w++) {
        changed[c][w] = features.changes(coalitions[c], starts[w], windowSamples);
      }
    });
    int rows = coalitions.length * replacements.length;
    double[][] windowScores = new double[rows][];
    int first = 0;
    while (first < rows) {
      int end = first;
      for (int windows = 0; end < rows && windows < BATCH; end++) {
        windows += count(changed[end / replacements.length]);
      }
      scoreRows(coalitions, changed, first, end, windowScores);
      first = end;
    }
    double[] outputs = new double[coalitions.length];
    for (int row = 0; row < rows; row++) {
      outputs[row / replacements.length] += context.scoring().score(windowScores[row]) / replacements.length;
    }
    return outputs;
  }

  private static int count(boolean[] flags) {
    int count = 0;
    for (boolean flag : flags) {
      count += flag ? 1 : 0;
    }
    return count;
  }

  /**
   * Window scores of rows {@code [first, end)} (row = coalition × replacement): the changed
   * windows of every row in one model call, the others as they were.
   */
  private void scoreRows(boolean[][] coalitions, boolean[][] changed, int first, int end, double[][] windowScores) {
    float[][] perturbed = new float[end - first][];
    Parallel.forEachIndex("perturb", THREADS, end - first, (state, i) -> {
      int row = first + i;
      if (count(changed[row / replacements.length]) > 0) {
        perturbed[i] = features.apply(target.signal(), coalitions[row / replacements.length],
            replacements[row % replacements.length]);
      }
    });
    List<float[]> signals = new ArrayList<>();
    List<Integer> windowStarts = new ArrayList<>();
    List<int[]> slots = new ArrayList<>();
    for (int row = first; row < end; row++) {
      windowScores[row] = original.clone();
      for (int w = 0; w < starts.length; w++) {
        if (changed[row / replacements.length][w]) {
          signals.add(perturbed[row - first]);
          windowStarts.add(starts[w]);
          slots.add(new int[] {row, w});
        }
      }
    }
    if (signals.isEmpty()) {
      return;
    }
    double[] scores = predict(signals.toArray(new float[0][]),
        windowStarts.stream().mapToInt(Integer::intValue).toArray());
    for (int i = 0; i < scores.length; i++) {
      windowScores[slots.get(i)[0]][slots.get(i)[1]] = scores[i];
    }
  }

  /** The class probability of each window. */
  private double[] predict(float[][] signals, int[] windowStarts) {
    Examples examples = context.encode(signals, windowStarts);
    modelWindows += signals.length;
    return RelevanceMaps.scores(context.model().predict(examples), context.model().classes().size(), target.label(),
        signals.length);
  }
}
