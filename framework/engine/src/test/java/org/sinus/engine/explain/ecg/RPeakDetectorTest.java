package org.sinus.engine.explain.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Pan–Tompkins detector finds every R peak of ECG-like records with baseline wander and noise,
 * within 30 ms, at PTB-XL's two sampling rates, from bradycardia to tachycardia and with the
 * irregular rhythm of atrial fibrillation, and reports no extra beats.
 */
class RPeakDetectorTest {
  @ParameterizedTest(name = "{0} Hz, {1} bpm")
  @CsvSource({"100, 45", "100, 72", "100, 150", "500, 45", "500, 72", "500, 150"})
  void findsEveryBeatOfARegularRhythm(double rate, double bpm) {
    SyntheticBeats.Record record = SyntheticBeats.regular(rate, bpm, 7);
    RPeakDetector detector = new RPeakDetector(rate);
    int[] found = detector.detect(record.signal(), SyntheticBeats.LEADS);
    assertMatches(found, record.rPeaks(), rate);
    assertThat(detector.heartRate(found)).isCloseTo(bpm, withPercentage(3));
  }

  @Test
  void followsAnIrregularRhythm() {
    for (double rate : new double[] {100, 500}) {
      SyntheticBeats.Record record = SyntheticBeats.irregular(rate, 3);
      assertMatches(new RPeakDetector(rate).detect(record.signal(), SyntheticBeats.LEADS), record.rPeaks(), rate);
    }
  }

  private static void assertMatches(int[] found, int[] truth, double rate) {
    int tolerance = (int) Math.round(0.03 * rate);
    assertThat(found).as("detected " + Arrays.toString(found) + ", true " + Arrays.toString(truth)).hasSize(truth.length);
    for (int i = 0; i < truth.length; i++) {
      assertThat(Math.abs(found[i] - truth[i])).as("beat %d", i).isLessThanOrEqualTo(tolerance);
    }
  }
}
