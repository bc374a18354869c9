package org.sinus.engine.eval;

/**
 * How far a count that the bootstrap draws at random may stray from its expectation before a test calls
 * it wrong: {@value #STANDARD_DEVIATIONS} standard deviations, computed from the numbers of the test.
 * Under the normal approximation a correct bootstrap strays that far with probability about 2·10⁻⁹
 * per check, so a handful of checks per test still fails by chance less than once in 10⁷ seeds.
 */
final class SamplingTolerance {
  static final double STANDARD_DEVIATIONS = 6;

  private SamplingTolerance() {}

  /** For the number of successes in {@code trials} independent trials of probability {@code p}. */
  static double binomial(long trials, double p) {
    return STANDARD_DEVIATIONS * Math.sqrt(trials * p * (1 - p));
  }

  /**
   * For the number of draws of probability {@code pEvent} before {@code kept} draws of probability
   * {@code pKept} (disjoint events): negative binomial, variance {@code kept · pEvent · (pEvent + pKept) / pKept²}.
   */
  static double beforeKeeping(int kept, double pEvent, double pKept) {
    return STANDARD_DEVIATIONS * Math.sqrt(kept * pEvent * (pEvent + pKept)) / pKept;
  }

  /** The expected count for {@link #beforeKeeping}. */
  static double expectedBeforeKeeping(int kept, double pEvent, double pKept) {
    return kept * pEvent / pKept;
  }
}
