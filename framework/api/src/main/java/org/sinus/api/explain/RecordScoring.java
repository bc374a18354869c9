package org.sinus.api.explain;

import java.util.Arrays;
import org.sinus.api.data.Windows;

/**
 * How the evaluation scores a whole record: the probabilities of its sliding windows, combined by
 * their maximum or mean (the PTB-XL benchmark's protocol). Explainers use it to explain a record
 * as it was scored.
 *
 * @param windowSamples samples per window
 * @param stride samples between window starts
 * @param aggregate how window probabilities become the record's
 */
public record RecordScoring(int windowSamples, int stride, Aggregate aggregate) {

  /** How the probabilities of a record's windows are combined. */
  public enum Aggregate { MAX, MEAN }

  /** Starts of the sliding windows over a record of {@code recordSamples} ({@link Windows#slidingStarts}). */
  public int[] starts(int recordSamples) {
    return Windows.slidingStarts(recordSamples, windowSamples, stride);
  }

  /** The record's score from its windows' scores. */
  public double score(double[] windowScores) {
    return aggregate == Aggregate.MAX ? Arrays.stream(windowScores).max().orElse(Double.NaN)
        : Arrays.stream(windowScores).average().orElse(Double.NaN);
  }

  /**
   * How much each window's relevance counts in the record's: the derivative of the record score
   * with respect to each window's score, {@code 1 / windows} for the mean and 1 for the window
   * with the highest score (the first of equals) for the maximum.
   */
  public double[] windowWeights(double[] windowScores) {
    double[] weights = new double[windowScores.length];
    if (aggregate == Aggregate.MEAN) {
      Arrays.fill(weights, 1.0 / windowScores.length);
    } else {
      int best = 0;
      for (int w = 1; w < windowScores.length; w++) {
        if (windowScores[w] > windowScores[best]) {
          best = w;
        }
      }
      weights[best] = 1;
    }
    return weights;
  }

  /**
   * The record's relevance per sample and lead from each window's ({@code windowSamples × leads}
   * each, or null for a window left out), weighted by {@link #windowWeights}, summed where
   * windows overlap.
   */
  public float[] combine(float[][] windowRelevance, int[] starts, double[] windowScores, int recordSamples, int leads) {
    double[] weights = windowWeights(windowScores);
    float[] record = new float[recordSamples * leads];
    for (int w = 0; w < starts.length; w++) {
      if (windowRelevance[w] == null || weights[w] == 0) {
        continue;
      }
      int offset = starts[w] * leads;
      for (int i = 0; i < windowRelevance[w].length; i++) {
        record[offset + i] += (float) (weights[w] * windowRelevance[w][i]);
      }
    }
    return record;
  }
}
