package org.sinus.plugins.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sinus.plugins.synthetic.ecg.GeneratorSettings;
import org.sinus.plugins.synthetic.ecg.RecordPlan;
import org.sinus.plugins.synthetic.ecg.RecordPlanner;
import org.sinus.plugins.synthetic.ecg.RecordSynthesizer;
import org.sinus.plugins.synthetic.ecg.RegionMasks;
import org.sinus.plugins.synthetic.ecg.SyntheticClass;

/**
 * Writes one picture per class (a record with only that class, its region shaded) into
 * {@code target/synthetic-pictures/}, at 500 Hz, for a person to check that the records look like
 * ECGs and the regions sit where the changes are. It draws with Java2D only (no Sinus plotting);
 * what can be checked without a person (signal size, where the regions are) is asserted on the data.
 */
class SyntheticPicturesTest {

  @Test
  void writesOneRecordPerClass() throws Exception {
    Path dir = Path.of("target", "synthetic-pictures");
    for (String rate : new String[] {"100", "500"}) {
      GeneratorSettings settings = Configs.settings("sampling-rate = " + rate).generator();
      RecordPlanner planner = new RecordPlanner(settings);
      RecordSynthesizer synthesizer = new RecordSynthesizer(settings);
      for (SyntheticClass c : SyntheticClass.values()) {
        int index = 0;
        while (!Arrays.equals(planner.drawLabels(index), new int[] {c.label()})) {
          index++;
        }
        RecordPlan plan = planner.plan(index);
        float[] signal = synthesizer.render(plan);
        float[] mask = RegionMasks.mask(plan, c, settings.samples(), settings.samplingRate());
        Path file = dir.resolve(c.name().toLowerCase() + "-" + rate + "hz.png");
        EcgPictures.write(file, c + " (record " + SyntheticDataset.id(index) + ", " + Math.round(plan.meanHeartRate())
            + " bpm, " + rate + " Hz; shaded: region)", signal, mask, settings.samples(), settings.samplingRate(), 5);
        assertThat(Files.size(file)).isPositive();

        // what the picture shows, checked on the data: an ECG-sized signal and a region that is
        // empty for NORM and covers part (not all) of the record for the other classes
        double largest = 0;
        for (float v : signal) {
          assertThat(Float.isFinite(v)).isTrue();
          largest = Math.max(largest, Math.abs(v));
        }
        assertThat(largest).as("largest value of the %s record at %s Hz, mV", c, rate).isBetween(0.3, 5.0);
        int marked = 0;
        for (float v : mask) {
          assertThat(v).isIn(0f, 1f);
          marked += v > 0 ? 1 : 0;
        }
        if (c == SyntheticClass.NORM) {
          assertThat(marked).as("region of NORM").isZero();
        } else {
          assertThat(marked).as("region of %s at %s Hz", c, rate).isPositive().isLessThan(mask.length / 2);
        }
      }
    }
  }
}
