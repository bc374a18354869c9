package org.sinus.plugins.synthetic.ecg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.sinus.plugins.synthetic.Configs;

/** Records generated for tests, with their plans, and simple ECG measurements on them. */
final class Generated {
  final GeneratorSettings settings;
  final RecordPlanner planner;
  final RecordSynthesizer synthesizer;
  final List<RecordPlan> plans = new ArrayList<>();
  final List<float[]> signals = new ArrayList<>();

  Generated(String hocon, int records) {
    settings = Configs.settings(hocon).generator();
    planner = new RecordPlanner(settings);
    synthesizer = new RecordSynthesizer(settings);
    for (int i = 0; i < records; i++) {
      RecordPlan plan = planner.plan(i);
      plans.add(plan);
      signals.add(synthesizer.render(plan));
    }
  }

  /** Indices of the records whose classes are exactly {@code c}. */
  int[] only(SyntheticClass c) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      if (Arrays.equals(plans.get(i).labels(), new int[] {c.label()})) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  double fs() {
    return settings.samplingRate();
  }

  /** Mean of a lead over ±10 ms around time {@code t}, or NaN outside the record. */
  double level(int record, int lead, double t) {
    float[] signal = signals.get(record);
    int half = (int) Math.round(0.01 * fs());
    int centre = (int) Math.round(t * fs());
    if (centre - half < 0 || centre + half >= settings.samples()) {
      return Double.NaN;
    }
    double sum = 0;
    for (int s = centre - half; s <= centre + half; s++) {
      sum += signal[s * Leads.COUNT + lead];
    }
    return sum / (2 * half + 1);
  }

  /** The PR-segment level of beat {@code k}, 90 ms before its R peak: the isoelectric reference. */
  double baseline(int record, int lead, int k) {
    return level(record, lead, plans.get(record).beats()[k] - 0.09);
  }

  /**
   * Mean over a record's beats of a lead's level at {@code offset(beat)} seconds after the R peak,
   * minus the beat's baseline; beats too close to the record's ends are skipped.
   */
  double beatMean(int record, int lead, IntToDoubleFunction time) {
    double sum = 0;
    int count = 0;
    double[] beats = plans.get(record).beats();
    for (int k = 1; k < beats.length - 1; k++) {
      double value = level(record, lead, time.applyAsDouble(k)) - baseline(record, lead, k);
      if (!Double.isNaN(value)) {
        sum += value;
        count++;
      }
    }
    return sum / count;
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }
}
