package org.sinus.plugins.synthetic.ecg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sinus.plugins.synthetic.Configs;

/**
 * Regions are where the class's change is: each record is rendered with and without one of its
 * classes (same rhythm, morphology and noise), and the difference must lie inside the class's mask,
 * in exactly the class's leads.
 */
class RegionMasksTest {

  @Test
  void theChangeOfEveryClassLiesInsideItsRegion() {
    for (String hocon : new String[] {"", "sampling-rate = 500, duration = 4s", ClassEffectsTest.STRONG,
        "heart-rate { min = 150, max = 200 }, " + ClassEffectsTest.STRONG}) {
      GeneratorSettings settings = Configs.settings(hocon).generator();
      RecordPlanner planner = new RecordPlanner(settings);
      RecordSynthesizer synthesizer = new RecordSynthesizer(settings);
      int checked = 0;
      for (int index = 0; index < 80; index++) {
        RecordPlan plan = planner.plan(index);
        float[] signal = synthesizer.render(plan);
        for (int label : plan.labels()) {
          SyntheticClass c = SyntheticClass.ofLabel(label);
          float[] mask = RegionMasks.mask(plan, c, settings.samples(), settings.samplingRate());
          if (c == SyntheticClass.NORM) {
            assertThat(sum(mask)).isZero();
            continue;
          }
          int[] rest = IntStream.of(plan.labels()).filter(l -> l != label).toArray();
          float[] without = synthesizer.render(planner.plan(index, rest.length == 0
              ? new int[] {SyntheticClass.NORM.label()} : rest));
          double inside = 0;
          double outside = 0;
          for (int i = 0; i < signal.length; i++) {
            double change = Math.abs(signal[i] - without[i]);
            if (mask[i] > 0) {
              inside = Math.max(inside, change);
            } else {
              outside = Math.max(outside, change);
            }
          }
          String what = c + " in record " + index + " (" + hocon + ")";
          assertThat(inside).as("largest change inside the region of " + what).isGreaterThan(0.01);
          assertThat(outside).as("largest change outside the region of " + what).isLessThan(0.02 * inside + 1e-5);
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(40);
    }
  }

  @Test
  void regionsAreNonEmptyExactlyForTheRecordsClassesAndInTheirLeads() {
    GeneratorSettings settings = Configs.settings("").generator();
    RecordPlanner planner = new RecordPlanner(settings);
    int[] seen = new int[SyntheticClass.values().length];
    for (int index = 0; index < 300; index++) {
      RecordPlan plan = planner.plan(index);
      for (SyntheticClass c : SyntheticClass.values()) {
        float[] mask = RegionMasks.mask(plan, c, settings.samples(), settings.samplingRate());
        TreeSet<Integer> leads = new TreeSet<>();
        for (int i = 0; i < mask.length; i++) {
          assertThat(mask[i]).isIn(0f, 1f);
          if (mask[i] > 0) {
            leads.add(i % Leads.COUNT);
          }
        }
        boolean expected = plan.has(c) && c != SyntheticClass.NORM;
        assertThat(!leads.isEmpty()).as(c + " region of record " + index + " " + Arrays.toString(plan.labels()))
            .isEqualTo(expected);
        if (expected) {
          seen[c.label()]++;
          assertThat(leads).containsExactly(Arrays.stream(c.regionLeads()).boxed().toArray(Integer[]::new));
          // every beat contributes: about one region per beat, never the whole record
          assertThat(sum(mask) / c.regionLeads().length).isLessThan(0.6 * settings.samples());
        }
      }
    }
    assertThat(seen[SyntheticClass.CD.label()]).isPositive();
    assertThat(seen[SyntheticClass.HYP.label()]).isPositive();
    assertThat(seen[SyntheticClass.MI.label()]).isPositive();
    assertThat(seen[SyntheticClass.STTC.label()]).isPositive();
  }

  @Test
  void aClassWhoseChangeHasSizeZeroHasNoRegion() {
    GeneratorSettings settings = Configs.settings("strength { st-elevation-mv = 0, "
        + "q-wave-mv = 0, t-inversion = -1, qrs-widening = 1, r-prime-mv = 0, voltage-factor = 1 }").generator();
    RecordPlanner planner = new RecordPlanner(settings);
    RecordSynthesizer synthesizer = new RecordSynthesizer(settings);
    int[] all = {0, 1, 2, 4};
    for (int index = 0; index < 10; index++) {
      RecordPlan plan = planner.plan(index, all);
      for (SyntheticClass c : SyntheticClass.values()) {
        assertThat(sum(RegionMasks.mask(plan, c, settings.samples(), settings.samplingRate()))).as(c.name()).isZero();
      }
      assertThat(synthesizer.render(plan)).isEqualTo(synthesizer.render(planner.plan(index, new int[] {3})));
    }
  }

  @Test
  void regionsNameTheLeadsOfTheirClass() {
    assertThat(names(SyntheticClass.MI)).containsExactly("V1", "V2", "V3", "V4");
    assertThat(names(SyntheticClass.HYP)).containsExactly("V1", "V2", "V3", "V4", "V5", "V6");
    assertThat(names(SyntheticClass.STTC)).containsExactly("I", "III", "AVR", "AVL", "AVF", "V5", "V6");
    assertThat(names(SyntheticClass.CD)).containsExactlyElementsOf(Leads.NAMES);
    assertThat(names(SyntheticClass.NORM)).isEmpty();
  }

  private static String[] names(SyntheticClass c) {
    return Arrays.stream(c.regionLeads()).mapToObj(Leads.NAMES::get).toArray(String[]::new);
  }

  private static double sum(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum;
  }
}
