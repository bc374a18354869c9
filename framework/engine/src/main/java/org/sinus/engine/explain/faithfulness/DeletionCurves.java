package org.sinus.engine.explain.faithfulness;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Deletion curves of an attribution (Samek et al. 2017, "Evaluating the visualization of what a
 * deep neural network has learned"): the record is cut into features (one lead over one segment of
 * time), which are replaced by a flat line step by step, most relevant first (MoRF), least
 * relevant first (LeRF) or in random order; the area over the perturbation curve (AOPC) is the mean
 * drop of the class score over the steps. A faithful attribution has a large MoRF AOPC, above the
 * random order's, and a small LeRF AOPC.
 *
 * @param segmentSamples samples per feature
 * @param steps perturbation steps (each removes an equal share of the features)
 */
record DeletionCurves(int segmentSamples, int steps) {
  /** A class's score of whole signals (as {@link RecordScorer} gives it). */
  interface Scorer {
    double[] scores(float[][] signals, int label);
  }

  /** The three AOPCs of one explanation. */
  record Aopc(double morf, double lerf, double random) {}

  Aopc measure(Scorer scorer, float[] signal, float[] relevance, int leads, int label, long seed) {
    int samples = signal.length / leads;
    int segments = (samples + segmentSamples - 1) / segmentSamples;
    int features = segments * leads;
    double[] featureRelevance = new double[features];
    for (int s = 0; s < samples; s++) {
      for (int l = 0; l < leads; l++) {
        featureRelevance[(s / segmentSamples) * leads + l] += relevance[s * leads + l];
      }
    }
    Integer[] order = IntStream.range(0, features).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(f -> -featureRelevance[f]));
    int[] morf = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    int[] lerf = new int[features];
    for (int i = 0; i < features; i++) {
      lerf[i] = morf[features - 1 - i];
    }
    int[] random = IntStream.range(0, features).toArray();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = features - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = random[i];
      random[i] = random[j];
      random[j] = swap;
    }
    // one batch: the unperturbed record and every step of the three orders
    float[][] signals = new float[1 + 3 * steps][];
    signals[0] = signal;
    int[][] orders = {morf, lerf, random};
    for (int o = 0; o < 3; o++) {
      for (int k = 1; k <= steps; k++) {
        signals[1 + o * steps + k - 1] = removed(signal, leads, orders[o], (int) Math.round((double) k * features / steps));
      }
    }
    double[] scores = scorer.scores(signals, label);
    double[] aopc = new double[3];
    for (int o = 0; o < 3; o++) {
      double sum = 0;                                             // step 0 contributes f(x) − f(x) = 0
      for (int k = 1; k <= steps; k++) {
        sum += scores[0] - scores[1 + o * steps + k - 1];
      }
      aopc[o] = sum / (steps + 1);
    }
    return new Aopc(aopc[0], aopc[1], aopc[2]);
  }

  /** The signal with the first {@code count} features of {@code order} flattened to 0. */
  private float[] removed(float[] signal, int leads, int[] order, int count) {
    float[] out = signal.clone();
    int samples = signal.length / leads;
    for (int i = 0; i < count; i++) {
      int segment = order[i] / leads;
      int lead = order[i] % leads;
      for (int s = segment * segmentSamples; s < Math.min(samples, (segment + 1) * segmentSamples); s++) {
        out[s * leads + lead] = 0;
      }
    }
    return out;
  }
}
