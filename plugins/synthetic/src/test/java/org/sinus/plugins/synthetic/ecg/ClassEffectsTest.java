package org.sinus.plugins.synthetic.ecg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classes show the changes they are meant to, measured like a cardiologist would on the
 * generated records (records that have only that class against NORM records), with the default
 * noise and nuisance variation: once at the ECGSYN-like sizes where each change is textbook-clear,
 * and once at the (weaker) defaults, where it must still be there on average.
 */
class ClassEffectsTest {
  /** Sizes at which the changes are unmistakable; variation 0 so that every record has the full change. */
  static final String STRONG = "strength { st-elevation-mv = 0.2, q-wave-mv = 0.3, t-inversion = 1.0, "
      + "qrs-widening = 1.8, r-prime-mv = 0.4, voltage-factor = 2.0, variation = 0 }";

  static Generated strong;
  static Generated defaults;

  @BeforeAll
  static void generate() {
    strong = new Generated(STRONG, 800);
    defaults = new Generated("", 800);
  }

  /** ST level at J + 60 ms in V2, relative to the PR segment. */
  static double stLevel(Generated g, int record) {
    RecordPlan plan = g.plans.get(record);
    return g.beatMean(record, Leads.V2, k -> plan.timeOf(k, plan.st.riseEnd()) + 0.06);
  }

  /** T-wave amplitude at the T peak in V5, relative to the PR segment. */
  static double tWave(Generated g, int record) {
    RecordPlan plan = g.plans.get(record);
    double tPeak = VcgTemplate.T_PEAK / Math.sqrt(60 / plan.meanHeartRate());
    return g.beatMean(record, Leads.V5, k -> plan.timeOf(k, tPeak));
  }

  /** QRS peak-to-peak amplitude in V5 (within 80 ms of the R peaks), averaged over beats. */
  static double qrsAmplitude(Generated g, int record, int lead) {
    double[] beats = g.plans.get(record).beats();
    float[] signal = g.signals.get(record);
    double sum = 0;
    int count = 0;
    for (double r : beats) {
      int from = (int) Math.ceil((r - 0.08) * g.fs());
      int to = (int) Math.floor((r + 0.08) * g.fs());
      if (from < 0 || to >= g.settings.samples()) {
        continue;
      }
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (int s = from; s <= to; s++) {
        max = Math.max(max, signal[s * Leads.COUNT + lead]);
        min = Math.min(min, signal[s * Leads.COUNT + lead]);
      }
      sum += max - min;
      count++;
    }
    return sum / count;
  }

  /**
   * QRS duration of noise-free records: the span around each R peak in which the summed absolute
   * deviation of the 12 leads from their PR level stays above 10% of its peak (within ±150 ms),
   * averaged over beats. A low threshold, so shorter than a cardiologist's onset-to-offset.
   */
  static double qrsDuration(Generated g, int record) {
    double[] beats = g.plans.get(record).beats();
    float[] signal = g.signals.get(record);
    double sum = 0;
    int count = 0;
    for (int k = 1; k < beats.length - 1; k++) {
      int r = (int) Math.round(beats[k] * g.fs());
      int half = (int) Math.round(0.15 * g.fs());
      int base = (int) Math.round((beats[k] - 0.09) * g.fs());
      if (r - half < 0 || r + half >= g.settings.samples() || base < 0) {
        continue;
      }
      double[] magnitude = new double[2 * half + 1];
      double peak = 0;
      for (int s = -half; s <= half; s++) {
        double m = 0;
        for (int lead = 0; lead < Leads.COUNT; lead++) {
          m += Math.abs(signal[(r + s) * Leads.COUNT + lead] - signal[base * Leads.COUNT + lead]);
        }
        magnitude[s + half] = m;
        peak = Math.max(peak, m);
      }
      int first = half;
      while (first > 0 && magnitude[first - 1] >= 0.1 * peak) {
        first--;
      }
      int last = half;
      while (last < magnitude.length - 1 && magnitude[last + 1] >= 0.1 * peak) {
        last++;
      }
      sum += (last - first) / g.fs();
      count++;
    }
    return sum / count;
  }

  static double[] measure(Generated g, int[] records, IntToDoubleFunction f) {
    return Arrays.stream(records).mapToDouble(f).toArray();
  }

  @Test
  void miRaisesTheStSegmentInV2() {
    double mi = Generated.mean(measure(strong, strong.only(SyntheticClass.MI), i -> stLevel(strong, i)));
    double norm = Generated.mean(measure(strong, strong.only(SyntheticClass.NORM), i -> stLevel(strong, i)));
    assertThat(mi - norm).as("ST elevation of MI records over NORM records, mV").isBetween(0.12, 0.25);

    double miDefault = Generated.mean(measure(defaults, defaults.only(SyntheticClass.MI), i -> stLevel(defaults, i)));
    double normDefault = Generated.mean(measure(defaults, defaults.only(SyntheticClass.NORM), i -> stLevel(defaults, i)));
    assertThat(miDefault - normDefault).isBetween(0.05, 0.15);
  }

  @Test
  void miAddsAQWaveInV2() {
    // the lowest point in the 60 ms before the R peak: a Q wave makes it deeper
    IntToDoubleFunction qDepth = i -> strong.beatMean(i, Leads.V2,
        k -> strong.plans.get(i).beats()[k] - 0.022);
    double mi = Generated.mean(measure(strong, strong.only(SyntheticClass.MI), qDepth));
    double norm = Generated.mean(measure(strong, strong.only(SyntheticClass.NORM), qDepth));
    assertThat(norm - mi).as("Q deepening at R - 22 ms in V2, mV").isGreaterThan(0.15);
  }

  @Test
  void sttcInvertsTheTWaveInV5() {
    double[] norm = measure(strong, strong.only(SyntheticClass.NORM), i -> tWave(strong, i));
    double[] sttc = measure(strong, strong.only(SyntheticClass.STTC), i -> tWave(strong, i));
    assertThat(Arrays.stream(norm).filter(t -> t > 0).count()).isGreaterThan(Math.round(0.95 * norm.length));
    assertThat(Arrays.stream(sttc).filter(t -> t < 0).count()).isGreaterThan(Math.round(0.95 * sttc.length));

    double normDefault = Generated.mean(measure(defaults, defaults.only(SyntheticClass.NORM), i -> tWave(defaults, i)));
    double sttcDefault = Generated.mean(measure(defaults, defaults.only(SyntheticClass.STTC), i -> tWave(defaults, i)));
    assertThat(sttcDefault).as("defaults flatten the T wave on average").isLessThan(0.6 * normDefault);
  }

  @Test
  void hypRaisesQrsVoltageInV5AndV1ButNotInLeadI() {
    double[] ratio = new double[3];
    int[] leads = {Leads.V5, Leads.V1, Leads.I};
    for (int l = 0; l < 3; l++) {
      int lead = leads[l];
      double hyp = Generated.mean(measure(strong, strong.only(SyntheticClass.HYP), i -> qrsAmplitude(strong, i, lead)));
      double norm = Generated.mean(measure(strong, strong.only(SyntheticClass.NORM), i -> qrsAmplitude(strong, i, lead)));
      ratio[l] = hyp / norm;
    }
    assertThat(ratio[0]).as("V5").isBetween(1.6, 2.4);
    assertThat(ratio[1]).as("V1").isBetween(1.6, 2.4);
    assertThat(ratio[2]).as("I").isBetween(0.85, 1.15);

    double hypDefault = Generated.mean(measure(defaults, defaults.only(SyntheticClass.HYP),
        i -> qrsAmplitude(defaults, i, Leads.V5)));
    double normDefault = Generated.mean(measure(defaults, defaults.only(SyntheticClass.NORM),
        i -> qrsAmplitude(defaults, i, Leads.V5)));
    assertThat(hypDefault / normDefault).isGreaterThan(1.15);
  }

  @Test
  void cdWidensTheQrsComplex() {
    String quiet = "noise { baseline-wander-mv = 0, gaussian-mv = 0 }, ";
    Generated strongQuiet = new Generated(quiet + STRONG, 400);
    double cd = Generated.mean(measure(strongQuiet, strongQuiet.only(SyntheticClass.CD), i -> qrsDuration(strongQuiet, i)));
    double norm = Generated.mean(measure(strongQuiet, strongQuiet.only(SyntheticClass.NORM),
        i -> qrsDuration(strongQuiet, i)));
    assertThat(norm).as("normal QRS duration, s").isBetween(0.05, 0.10);
    assertThat(cd / norm).as("CD / NORM QRS duration").isBetween(1.4, 2.0);

    Generated quietDefaults = new Generated(quiet, 400);
    double cdDefault = Generated.mean(measure(quietDefaults, quietDefaults.only(SyntheticClass.CD),
        i -> qrsDuration(quietDefaults, i)));
    double normDefault = Generated.mean(measure(quietDefaults, quietDefaults.only(SyntheticClass.NORM),
        i -> qrsDuration(quietDefaults, i)));
    assertThat(cdDefault / normDefault).isBetween(1.1, 1.4);
  }

  @Test
  void normalRecordsHaveTextbookAmplitudes() {
    Generated clean = new Generated("sampling-rate = 500, noise { baseline-wander-mv = 0, gaussian-mv = 0 }", 200);
    int[] norm = clean.only(SyntheticClass.NORM);
    double rII = Generated.mean(measure(clean, norm, i -> extreme(clean, i, Leads.II, true)));
    double rV5 = Generated.mean(measure(clean, norm, i -> extreme(clean, i, Leads.V5, true)));
    double sV1 = Generated.mean(measure(clean, norm, i -> extreme(clean, i, Leads.V1, false)));
    double qrsAvr = Generated.mean(measure(clean, norm, i -> extreme(clean, i, Leads.AVR, false)));
    assertThat(rII).as("R in II, mV").isBetween(0.7, 1.3);
    assertThat(rV5).as("R in V5, mV").isBetween(1.0, 2.2);
    assertThat(sV1).as("S in V1, mV").isBetween(-1.5, -0.5);
    assertThat(qrsAvr).as("negative QRS in aVR, mV").isLessThan(-0.4);
  }

  /** The highest (or lowest) value within 50 ms of the R peaks, relative to the PR level, averaged over beats. */
  static double extreme(Generated g, int record, int lead, boolean max) {
    double[] beats = g.plans.get(record).beats();
    float[] signal = g.signals.get(record);
    double sum = 0;
    int count = 0;
    for (int k = 1; k < beats.length - 1; k++) {
      int from = (int) Math.ceil((beats[k] - 0.05) * g.fs());
      int to = (int) Math.floor((beats[k] + 0.05) * g.fs());
      if (from < 0 || to >= g.settings.samples()) {
        continue;
      }
      double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      for (int s = from; s <= to; s++) {
        double v = signal[s * Leads.COUNT + lead];
        best = max ? Math.max(best, v) : Math.min(best, v);
      }
      double baseline = g.baseline(record, lead, k);
      if (!Double.isNaN(baseline)) {
        sum += best - baseline;
        count++;
      }
    }
    return sum / count;
  }
}
