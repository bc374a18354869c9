package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.util.Progress;
import org.sinus.engine.explain.ecg.RPeakDetector;
import org.sinus.testkit.PtbxlFixture;
import org.sinus.testkit.RequiresPtbxl;
import org.sinus.testkit.TestComponents;

/**
 * The R-peak detector against the cardiologists' rhythm statements of the real PTB-XL records:
 * sinus tachycardia (STACH) reads above 100 bpm, sinus bradycardia (SBRAD) below 60, plain sinus
 * rhythm between them, and atrial fibrillation (AFIB) has far more irregular RR intervals than
 * sinus rhythm; 100 and 500 Hz versions of a record give the same rate.
 */
@RequiresPtbxl
class RPeaksOnPtbxlTest {
  @TempDir
  Path cache;

  private EcgDataset load(int samplingRate) {
    Dataset dataset = TestComponents.discovered().build(Dataset.POINT, "type = ptbxl, task = rhythm, sampling-rate = "
        + samplingRate + ", path = \"" + PtbxlFixture.require() + "\"" + (samplingRate == 500 ? ", bad-records = skip" : ""));
    return dataset.load(new DataContext(cache, 2, Progress.NONE));
  }

  /** Heart rates (bpm) and RR coefficients of variation of the records with exactly this rhythm label. */
  private static double[][] rates(EcgDataset data, String rhythm) {
    int label = data.labels().classes().indexOf(rhythm);
    RPeakDetector detector = new RPeakDetector(data.samplingRate());
    List<double[]> found = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      int[] labels = data.record(i).labels();
      if (labels.length != 1 || labels[0] != label) {
        continue;
      }
      int[] peaks = detector.detect(data.signals().read(i), data.leads().size());
      double[] rr = detector.rrIntervals(peaks);
      double mean = Arrays.stream(rr).average().orElse(Double.NaN);
      double sd = Math.sqrt(Arrays.stream(rr).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, rr.length - 1));
      found.add(new double[] {detector.heartRate(peaks), sd / mean});
    }
    return found.toArray(double[][]::new);
  }

  private static double share(double[][] rows, DoublePredicate rate) {
    return Arrays.stream(rows).filter(row -> rate.test(row[0])).count() / (double) rows.length;
  }

  @Test
  void ratesAgreeWithTheRhythmStatements() {
    try (EcgDataset data = load(100)) {
      double[][] tachycardia = rates(data, "STACH");
      double[][] bradycardia = rates(data, "SBRAD");
      double[][] sinus = rates(data, "SR");
      double[][] fibrillation = rates(data, "AFIB");
      assertThat(tachycardia.length).isGreaterThan(30);
      assertThat(bradycardia.length).isGreaterThan(30);
      assertThat(share(tachycardia, bpm -> bpm > 98)).as("STACH above 100 bpm").isGreaterThan(0.9);
      assertThat(share(bradycardia, bpm -> bpm < 62)).as("SBRAD below 60 bpm").isGreaterThan(0.9);
      assertThat(share(sinus, bpm -> bpm >= 48 && bpm <= 102)).as("SR within 50-100 bpm").isGreaterThan(0.95);
      assertThat(median(column(fibrillation, 1))).as("RR variation of AFIB against SR")
          .isGreaterThan(3 * median(column(sinus, 1)));
    }
  }

  @Test
  void bothSamplingRatesGiveTheSameRate() {
    try (EcgDataset low = load(100); EcgDataset high = load(500)) {
      RPeakDetector lowDetector = new RPeakDetector(100);
      RPeakDetector highDetector = new RPeakDetector(500);
      int agree = 0;
      int compared = 0;
      for (int i = 0; i < high.size(); i++) {
        int j = low.indexOf(high.record(i).id()).orElseThrow();
        double a = lowDetector.heartRate(lowDetector.detect(low.signals().read(j), 12));
        double b = highDetector.heartRate(highDetector.detect(high.signals().read(i), 12));
        compared++;
        if (Math.abs(a - b) <= 2) {
          agree++;
        }
      }
      assertThat(compared).isGreaterThan(400);
      assertThat(agree / (double) compared).isGreaterThan(0.95);
    }
  }

  private static double[] column(double[][] rows, int k) {
    return Arrays.stream(rows).mapToDouble(row -> row[k]).toArray();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
