package org.sinus.plugins.synthetic.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sinus.plugins.synthetic.Configs;

/** Heart rate and heart-rate variability: ECGSYN's RR process and the beats the records are drawn with. */
class RhythmTest {

  @Test
  void everyBeatIsWithinTheConfiguredHeartRateRange() {
    GeneratorSettings settings = Configs.settings(
        "heart-rate { min = 55, max = 90, std = 6 }").generator();
    RecordPlanner planner = new RecordPlanner(settings);
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    for (int index = 0; index < 300; index++) {
      RecordPlan plan = planner.plan(index);
      double[] beats = plan.beats();
      assertThat(beats[0]).isLessThanOrEqualTo(0);
      assertThat(beats[beats.length - 1]).isGreaterThan(settings.duration());
      assertThat(plan.meanHeartRate()).isBetween(55.0, 90.0);
      for (int k = 1; k < beats.length; k++) {
        double rate = 60 / (beats[k] - beats[k - 1]);
        assertThat(rate).isBetween(55.0 - 1e-9, 90.0 + 1e-9);
        lowest = Math.min(lowest, rate);
        highest = Math.max(highest, rate);
      }
      double measured = 60 * (beats.length - 1) / (beats[beats.length - 1] - beats[0]);
      assertThat(measured).isCloseTo(plan.meanHeartRate(), within(8.0));
    }
    assertThat(lowest).isLessThan(58);
    assertThat(highest).isGreaterThan(87);
  }

  @Test
  void theRecordsBeatAtThePlannedTimes() {
    // QRS complexes found in the signal (peaks of the slope energy summed over the 12 leads, each
    // the largest within ±100 ms; noise-free records) match the plan's beats one to one
    Generated g = new Generated("sampling-rate = 500, noise { baseline-wander-mv = 0, gaussian-mv = 0 }", 60);
    for (int record = 0; record < g.plans.size(); record++) {
      float[] signal = g.signals.get(record);
      int samples = g.settings.samples();
      double[] energy = new double[samples];
      double max = 0;
      for (int s = 1; s < samples - 1; s++) {
        for (int lead = 0; lead < Leads.COUNT; lead++) {
          double slope = signal[(s + 1) * Leads.COUNT + lead] - signal[(s - 1) * Leads.COUNT + lead];
          energy[s] += slope * slope;
        }
        max = Math.max(max, energy[s]);
      }
      int found = 0;
      int matched = 0;
      double[] beats = g.plans.get(record).beats();
      for (int s = 1; s < samples - 1; s++) {
        if (energy[s] > 0.2 * max && isLargestWithin(energy, s, (int) (0.1 * g.fs()))) {
          found++;
          double t = s / g.fs();
          for (double beat : beats) {
            if (Math.abs(beat - t) < 0.04) {
              matched++;
              break;
            }
          }
        }
      }
      long expected = Arrays.stream(beats).filter(b -> b > 0.05 && b < g.settings.duration() - 0.05).count();
      assertThat(matched).as("record " + record).isEqualTo(found);
      assertThat((long) found).as("record " + record).isBetween(expected, expected + 2);
    }
  }

  /** Whether {@code x[s]} is the first largest value within {@code half} samples either side. */
  private static boolean isLargestWithin(double[] x, int s, int half) {
    for (int o = Math.max(0, s - half); o <= Math.min(x.length - 1, s + half); o++) {
      if (x[o] > x[s] || (x[o] == x[s] && o < s)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void rrSpectrumHasMayerAndRespiratoryPeaks() {
    double respiratory = 0.27;
    RrProcess process = new RrProcess(new Rng(3), 70, 3, 30, 200, respiratory, 10);
    int n = 256; // one period of the tachogram, sampled at 1 Hz
    double[] rr = new double[n];
    double mean = 0;
    for (int t = 0; t < n; t++) {
      rr[t] = process.rr(t);
      mean += rr[t] / n;
    }
    double variance = 0;
    double[] power = new double[n / 2];
    for (int t = 0; t < n; t++) {
      variance += (rr[t] - mean) * (rr[t] - mean) / n;
    }
    for (int f = 1; f < n / 2; f++) {
      double re = 0;
      double im = 0;
      for (int t = 0; t < n; t++) {
        re += (rr[t] - mean) * Math.cos(2 * Math.PI * f * t / n);
        im += (rr[t] - mean) * Math.sin(2 * Math.PI * f * t / n);
      }
      power[f] = re * re + im * im;
    }
    // ECGSYN scales the RR standard deviation to 60 · hrstd / hrmean²
    assertThat(Math.sqrt(variance)).isCloseTo(60 * 3 / (70.0 * 70.0), within(1e-9));
    assertThat(mean).isCloseTo(60 / 70.0, within(1e-9));
    assertThat(peakHz(power, n, 0.03, 0.17)).isCloseTo(0.1, within(0.015));
    assertThat(peakHz(power, n, 0.17, 0.45)).isCloseTo(respiratory, within(0.015));
    double total = 0;
    double inPeaks = 0;
    for (int f = 1; f < n / 2; f++) {
      double hz = f / (double) n;
      total += power[f];
      if (Math.abs(hz - 0.1) < 0.04 || Math.abs(hz - respiratory) < 0.04) {
        inPeaks += power[f];
      }
    }
    assertThat(inPeaks / total).isGreaterThan(0.99);
  }

  private static double peakHz(double[] power, int n, double from, double to) {
    int best = -1;
    for (int f = 1; f < power.length; f++) {
      double hz = f / (double) n;
      if (hz >= from && hz <= to && (best < 0 || power[f] > power[best])) {
        best = f;
      }
    }
    return best / (double) n;
  }
}
