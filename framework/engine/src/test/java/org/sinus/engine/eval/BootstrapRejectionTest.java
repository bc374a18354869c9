package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's rejection rule, on fixed data where most resamples break it: a resample in which a class
 * that is two-sided in the split has no positive or no negative left is rejected and redrawn, so every kept
 * resample has both kinds of every such class, exactly the requested number is kept, and the rejections are
 * as many as the probabilities of losing a record predict. A class that is one-sided in the split is not
 * checked.
 *
 * <p>Ten records. RARE_POSITIVE's only positive is record 0, RARE_NEGATIVE's only negative is record 1, and
 * NEVER has no positive at all. A resample misses a given set S of records with chance (1 − |S|/10)¹⁰.
 */
class BootstrapRejectionTest {
  private static final int RECORDS = 10;
  private static final int RESAMPLES = 1000;
  private static final String[] CLASSES = {"RARE_POSITIVE", "RARE_NEGATIVE", "NEVER"};
  /** Targets by class, then record. */
  private static final boolean[][] TARGETS = targets();

  private static BootstrapResult result;
  private static List<int[]> kept;

  @BeforeAll
  static void bootstrap() {
    float[] scores = new float[RECORDS * CLASSES.length];
    boolean[] targets = new boolean[RECORDS * CLASSES.length];
    for (int i = 0; i < RECORDS; i++) {
      for (int c = 0; c < CLASSES.length; c++) {
        scores[i * CLASSES.length + c] = ((i * 7 + c * 3) % RECORDS) / (float) RECORDS;
        targets[i * CLASSES.length + c] = TARGETS[c][i];
      }
    }
    Predictions predictions = Predictions.of("test", EvalFixtures.multiLabel(CLASSES), scores, targets);
    ResampleRecorder recorder = new ResampleRecorder();
    Map<String, WeightedMetric> metrics = new LinkedHashMap<>();
    metrics.put("draws", recorder);
    metrics.put("copies of record 0", weights -> weights == null ? 1 : weights[0]);
    metrics.put("copies of record 1", weights -> weights == null ? 1 : weights[1]);
    metrics.put("RARE_POSITIVE auc", weights -> RocAuc.weighted(predictions, 0, weights));
    metrics.put("RARE_NEGATIVE auc", weights -> RocAuc.weighted(predictions, 1, weights));
    result = new Bootstrap(new BootstrapSettings(RESAMPLES, 0.95, 42)).run(predictions, metrics);
    kept = recorder.resamples();
  }

  @Test
  void everyKeptResampleHasAPositiveAndANegativeOfEveryTwoSidedClass() {
    assertThat(result.rejectionAbandoned()).as("rejection abandoned").isFalse();
    assertThat(kept).as("kept resamples").hasSize(RESAMPLES);
    for (int b = 0; b < RESAMPLES; b++) {
      int[] resample = kept.get(b);
      for (int c = 0; c < 2; c++) {
        long positives = positives(resample, TARGETS[c]);
        assertThat(positives).as("%s positives in kept resample %d", CLASSES[c], b).isPositive();
        assertThat(RECORDS - positives).as("%s negatives in kept resample %d", CLASSES[c], b).isPositive();
      }
    }
  }

  @Test
  void intervalsOnlySeeResamplesWithBothKinds() {
    // without rejection a third of the resamples would miss record 0 or record 1, and the 2.5th percentile of
    // their copies would be 0; the AUCs would be undefined in those resamples
    for (String metric : new String[] {"copies of record 0", "copies of record 1"}) {
      assertThat(result.interval(metric).lower()).as("lower bound of %s", metric).isGreaterThanOrEqualTo(1);
    }
    for (String metric : new String[] {"RARE_POSITIVE auc", "RARE_NEGATIVE auc"}) {
      assertThat(result.interval(metric).undefinedResamples()).as("resamples without %s", metric).isZero();
    }
  }

  @Test
  void rejectionsAreAsManyAsTheChanceOfLosingTheRareRecordsPredicts() {
    // RARE_POSITIVE fails when record 0 is missing, or when it is all there is (then no negative is left);
    // RARE_NEGATIVE likewise with record 1; both fail when both records are missing or either is all there is
    double onlyOneRecord = Math.pow(1.0 / RECORDS, RECORDS);
    double lacksPositive = missing(1) + onlyOneRecord;
    double lacksNegative = missing(1) + onlyOneRecord;
    double lacksBoth = missing(2) + 2 * onlyOneRecord;
    double rejectedChance = lacksPositive + lacksNegative - lacksBoth; // ≈ 0.590
    double keptChance = 1 - rejectedChance;

    // every rejected resample lacked something of some class, and the resamples lacking both count for both
    assertThat(result.rejectedBecause()).as("classes resamples were rejected for")
        .containsOnlyKeys("RARE_POSITIVE", "RARE_NEGATIVE");
    assertCount("rejected resamples", result.rejected(), rejectedChance, keptChance);
    assertCount("rejected for RARE_POSITIVE", result.rejectedBecause().get("RARE_POSITIVE"), lacksPositive, keptChance);
    assertCount("rejected for RARE_NEGATIVE", result.rejectedBecause().get("RARE_NEGATIVE"), lacksNegative, keptChance);
  }

  private static boolean[][] targets() {
    boolean[][] targets = new boolean[CLASSES.length][RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      targets[0][i] = i == 0;
      targets[1][i] = i != 1;
    }
    return targets;
  }

  /** Checks a count of rejected resamples drawn, each with chance {@code pEvent}, before RESAMPLES were kept. */
  private static void assertCount(String what, int count, double pEvent, double pKept) {
    double expected = SamplingTolerance.expectedBeforeKeeping(RESAMPLES, pEvent, pKept);
    double tolerance = SamplingTolerance.beforeKeeping(RESAMPLES, pEvent, pKept);
    assertThat((double) count).as("%s, expected %.0f ± %.0f", what, expected, tolerance)
        .isCloseTo(expected, within(tolerance));
  }

  /** The chance that a resample misses {@code records} given records. */
  private static double missing(int records) {
    return Math.pow(1 - (double) records / RECORDS, RECORDS);
  }

  private static long positives(int[] resample, boolean[] targets) {
    long positives = 0;
    for (int i = 0; i < resample.length; i++) {
      positives += targets[i] ? resample[i] : 0;
    }
    return positives;
  }
}
