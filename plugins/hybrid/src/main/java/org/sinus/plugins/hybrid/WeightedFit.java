package org.sinus.plugins.hybrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.model.FusionData;
import org.sinus.api.model.FusionFit;

/**
 * Per-class weights of the branches' probabilities, fitted on the validation split: for each
 * class, the weights on a grid of the simplex that give the highest ROC AUC of the record scores
 * (ties: the weights closest to equal), shrunk towards equal weights by the amount among
 * {@code shrinkage} whose cross-fitted macro AUC is highest (ties: the larger shrinkage). Free
 * weights overfit a few hundred validation records; the shrinkage, chosen on records the weights
 * did not see, decides how far to trust them.
 *
 * @param gridStep step of the weight grid (each class's weights are multiples of it and sum to 1)
 * @param shrinkage candidate amounts of shrinkage towards equal weights, in [0, 1]
 * @param folds folds of the cross-fitting inside the validation split
 */
record WeightedFit(double gridStep, List<Double> shrinkage, int folds) {
  WeightedFit {
    shrinkage = List.copyOf(shrinkage);
  }

  /** The average fusion, which fits nothing: its validation scores are its own. */
  static FusionFit average(FusionData data) {
    double[] equal = equal(data.parts().size());
    float[] probabilities = new float[data.records() * data.classes().size()];
    for (int c = 0; c < data.classes().size(); c++) {
      double[] scores = RecordScores.of(data, CrossFitting.all(data.records()), c, weighted(equal));
      for (int r = 0; r < data.records(); r++) {
        probabilities[r * data.classes().size() + c] = (float) scores[r];
      }
    }
    return new FusionFit(Map.of(), probabilities, Map.of("fusion", "average"));
  }

  FusionFit fit(FusionData data) {
    int parts = data.parts().size();
    int classes = data.classes().size();
    List<double[]> grid = simplexGrid(parts, (int) Math.round(1 / gridStep));
    int[] fold = CrossFitting.folds(data.records(), folds, data.seed());
    // the weights fitted without each fold, per class
    double[][][] foldWeights = new double[folds][classes][];
    for (int k = 0; k < folds; k++) {
      int[] fitting = CrossFitting.members(fold, k, false);
      for (int c = 0; c < classes; c++) {
        foldWeights[k][c] = best(data, fitting, c, grid);
      }
    }
    // the shrinkage whose cross-fitted macro AUC is highest
    Map<Double, Double> crossFittedAuc = new LinkedHashMap<>();
    double chosen = shrinkage.get(0);
    double bestAuc = Double.NEGATIVE_INFINITY;
    for (double s : shrinkage) {
      double auc = RecordScores.macroAuc(data, CrossFitting.all(data.records()), outOfFold(data, fold, foldWeights, s));
      crossFittedAuc.put(s, auc);
      if (auc > bestAuc || auc == bestAuc && s > chosen) {
        bestAuc = auc;
        chosen = s;
      }
    }
    float[] weights = new float[parts * classes];
    List<Map<String, Double>> perClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      double[] w = shrink(best(data, CrossFitting.all(data.records()), c, grid), chosen);
      Map<String, Double> named = new LinkedHashMap<>();
      for (int b = 0; b < parts; b++) {
        weights[b * classes + c] = (float) w[b];
        named.put(data.parts().get(b), w[b]);
      }
      perClass.add(named);
    }
    double[][] outOfFold = outOfFold(data, fold, foldWeights, chosen);
    float[] probabilities = new float[data.records() * classes];
    for (int c = 0; c < classes; c++) {
      for (int r = 0; r < data.records(); r++) {
        probabilities[r * classes + c] = (float) outOfFold[c][r];
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("fusion", "weighted");
    details.put("shrinkage", chosen);
    details.put("cross_fitted_macro_auc_by_shrinkage", stringKeys(crossFittedAuc));
    Map<String, Object> byClass = new LinkedHashMap<>();
    for (int c = 0; c < classes; c++) {
      byClass.put(data.classes().get(c), perClass.get(c));
    }
    details.put("weights", byClass);
    return new FusionFit(Map.of(LateFusion.WEIGHTS, weights), probabilities, details);
  }

  /** Every record's scores ({@code [class][record]}) from the weights fitted without its fold, shrunk by {@code s}. */
  private static double[][] outOfFold(FusionData data, int[] fold, double[][][] foldWeights, double s) {
    int classes = data.classes().size();
    double[][] scores = new double[classes][data.records()];
    for (int k = 0; k < foldWeights.length; k++) {
      int[] scored = CrossFitting.members(fold, k, true);
      for (int c = 0; c < classes; c++) {
        double[] foldScores = RecordScores.of(data, scored, c, weighted(shrink(foldWeights[k][c], s)));
        for (int i = 0; i < scored.length; i++) {
          scores[c][scored[i]] = foldScores[i];
        }
      }
    }
    return scores;
  }

  /** The grid weights with the highest AUC of class {@code c} on {@code records}; ties go to the most equal ones. */
  private static double[] best(FusionData data, int[] records, int c, List<double[]> grid) {
    boolean[] targets = RecordScores.targets(data, records, c);
    double[] equal = equal(data.parts().size());
    double[] best = equal;
    double bestAuc = Double.NEGATIVE_INFINITY;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (double[] w : grid) {
      double auc = RecordScores.auc(RecordScores.of(data, records, c, weighted(w)), targets);
      if (Double.isNaN(auc)) {
        return equal;
      }
      double distance = distance(w, equal);
      if (auc > bestAuc + 1e-12 || Math.abs(auc - bestAuc) <= 1e-12 && distance < bestDistance) {
        bestAuc = auc;
        best = w;
        bestDistance = distance;
      }
    }
    return best;
  }

  static RecordScores.WindowFusion weighted(double[] weights) {
    return (data, r, w, c) -> {
      double p = 0;
      for (int b = 0; b < weights.length; b++) {
        p += weights[b] * data.probability(r, w, b, c);
      }
      return p;
    };
  }

  static double[] shrink(double[] weights, double s) {
    double[] shrunk = new double[weights.length];
    for (int b = 0; b < weights.length; b++) {
      shrunk[b] = (1 - s) * weights[b] + s / weights.length;
    }
    return shrunk;
  }

  private static double[] equal(int parts) {
    double[] equal = new double[parts];
    Arrays.fill(equal, 1.0 / parts);
    return equal;
  }

  private static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return sum;
  }

  /** Every vector of {@code parts} non-negative multiples of {@code 1 / steps} that sum to 1. */
  static List<double[]> simplexGrid(int parts, int steps) {
    List<double[]> grid = new ArrayList<>();
    compose(new int[parts], 0, steps, steps, grid);
    return grid;
  }

  private static void compose(int[] counts, int index, int left, int steps, List<double[]> grid) {
    if (index == counts.length - 1) {
      counts[index] = left;
      double[] w = new double[counts.length];
      for (int i = 0; i < counts.length; i++) {
        w[i] = counts[i] / (double) steps;
      }
      grid.add(w);
      return;
    }
    for (int k = 0; k <= left; k++) {
      counts[index] = k;
      compose(counts, index + 1, left - k, steps, grid);
    }
  }

  private static Map<String, Double> stringKeys(Map<Double, Double> map) {
    Map<String, Double> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
