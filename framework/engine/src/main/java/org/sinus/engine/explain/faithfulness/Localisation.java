package org.sinus.engine.explain.faithfulness;

/**
 * How well an attribution finds where a class was put into a record whose class regions are known
 * (the synthetic ECG): the share of the positive relevance inside the region (relevance mass
 * accuracy), whether the most relevant sample and lead lies inside it (the pointing game), and the
 * share of the record the region covers, which is what a random attribution's mass would be.
 */
final class Localisation {
  private Localisation() {}

  record Score(double mass, boolean hit, double area) {}

  /** Whether the region covers any sample (a class can have none, e.g. the synthetic NORM). */
  static boolean covers(float[] region) {
    for (float value : region) {
      if (value > 0.5f) {
        return true;
      }
    }
    return false;
  }

  static Score of(float[] relevance, float[] region) {
    double inside = 0;
    double total = 0;
    int best = 0;
    int covered = 0;
    for (int i = 0; i < relevance.length; i++) {
      double positive = Math.max(0, relevance[i]);
      total += positive;
      if (region[i] > 0.5f) {
        inside += positive;
        covered++;
      }
      if (relevance[i] > relevance[best]) {
        best = i;
      }
    }
    return new Score(total > 0 ? inside / total : 0, region[best] > 0.5f && relevance[best] > 0,
        covered / (double) relevance.length);
  }
}
