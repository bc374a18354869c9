package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's resamples, seen through a metric that records them, against the distribution of
 * {@code n} draws with replacement from {@code n} records: every resample holds exactly {@code n}
 * records, every record is drawn about once per resample, and a record is missing from a fraction
 * {@code (1 − 1/n)ⁿ} of them. The data has one class with half the records positive, so no resample
 * is rejected (the chance is 2 · 0.5⁴⁰) and the kept resamples are the plain draws.
 */
class BootstrapResamplingTest {
  private static final int RECORDS = 40;
  private static final int RESAMPLES = 2000;

  private static List<int[]> resamples;

  @BeforeAll
  static void drawResamples() {
    float[] scores = new float[RECORDS];
    boolean[] targets = new boolean[RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      scores[i] = (i * 17 % RECORDS) / (float) RECORDS;
      targets[i] = i % 2 == 0;
    }
    Predictions p = Predictions.of("test", EvalFixtures.multiLabel("HALF"), scores, targets);
    ResampleRecorder recorder = new ResampleRecorder();
    BootstrapResult result = new Bootstrap(new BootstrapSettings(RESAMPLES, 0.95, 42)).run(p, Map.of("draws", recorder));
    assertThat(result.rejected()).isZero();
    resamples = recorder.resamples();
  }

  @Test
  void everyResampleHoldsExactlyAsManyRecordsAsTheSplit() {
    assertThat(resamples).hasSize(RESAMPLES);
    for (int b = 0; b < RESAMPLES; b++) {
      assertThat(ResampleRecorder.size(resamples.get(b))).as("records in resample %d", b).isEqualTo(RECORDS);
    }
  }

  @Test
  void everyRecordIsDrawnAboutOncePerResample() {
    // over all resamples a record's copies are Binomial(RESAMPLES · RECORDS, 1 / RECORDS): mean RESAMPLES
    double tolerance = SamplingTolerance.binomial((long) RESAMPLES * RECORDS, 1.0 / RECORDS);
    long[] copies = new long[RECORDS];
    for (int[] resample : resamples) {
      for (int i = 0; i < RECORDS; i++) {
        copies[i] += resample[i];
      }
    }
    for (int i = 0; i < RECORDS; i++) {
      assertThat((double) copies[i]).as("copies of record %d in %d resamples (± %.0f)", i, RESAMPLES, tolerance)
          .isCloseTo(RESAMPLES, within(tolerance));
    }
  }

  @Test
  void aRecordIsMissingFromAFractionOneMinusOneOverNToTheNOfTheResamples() {
    // each (resample, record) pair misses with chance (1 − 1/n)ⁿ ≈ 0.363; within a resample the misses are
    // negatively correlated ((1 − 2/n)ⁿ < (1 − 1/n)²ⁿ), so the binomial variance over all pairs bounds the variance.
    // Catches resamples that are not drawn with replacement (a permutation, or the split itself, misses nothing).
    double pMissing = Math.pow(1 - 1.0 / RECORDS, RECORDS);
    long pairs = (long) RESAMPLES * RECORDS;
    long missing = 0;
    for (int[] resample : resamples) {
      for (int copies : resample) {
        missing += copies == 0 ? 1 : 0;
      }
    }
    double tolerance = SamplingTolerance.binomial(pairs, pMissing);
    assertThat((double) missing).as("records missing from their resample, of %d (± %.0f)", pairs, tolerance)
        .isCloseTo(pairs * pMissing, within(tolerance));
  }
}
