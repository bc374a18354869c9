package org.sinus.engine.explain.faithfulness;

import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.RecordScoring;

/** A class's score of whole (perturbed) records, as the evaluation scores them: windows, then aggregated. */
final class RecordScorer implements DeletionCurves.Scorer {
  private final ExplainerContext context;
  private final int samples;

  RecordScorer(ExplainerContext context) {
    this.context = context;
    this.samples = context.format().samples();
  }

  /** The score of class {@code label} of every signal, in one batch of all their windows. */
  @Override
  public double[] scores(float[][] signals, int label) {
    RecordScoring scoring = context.scoring();
    int[] starts = scoring.starts(samples);
    float[][] windows = new float[signals.length * starts.length][];
    int[] windowStarts = new int[windows.length];
    for (int r = 0; r < signals.length; r++) {
      for (int w = 0; w < starts.length; w++) {
        windows[r * starts.length + w] = signals[r];
        windowStarts[r * starts.length + w] = starts[w];
      }
    }
    Examples examples = context.encode(windows, windowStarts);
    float[] probabilities = context.model().predict(examples);
    int classes = probabilities.length / windows.length;
    double[] scores = new double[signals.length];
    for (int r = 0; r < signals.length; r++) {
      double[] windowScores = new double[starts.length];
      for (int w = 0; w < starts.length; w++) {
        windowScores[w] = probabilities[(r * starts.length + w) * classes + label];
      }
      scores[r] = scoring.score(windowScores);
    }
    return scores;
  }
}
