package org.sinus.plugins.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * ECGs and the regions sit where the changes are.
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
        while (!java.util.Arrays.equals(planner.drawLabels(index), new int[] {c.label()})) {
          index++;
        }
        RecordPlan plan = planner.plan(index);
        float[] signal = synthesizer.render(plan);
        float[] mask = RegionMasks.mask(plan, c, settings.samples(), settings.samplingRate());
        Path file = dir.resolve(c.name().toLowerCase() + "-" + rate + "hz.png");
        EcgPictures.write(file, c + " (record " + SyntheticDataset.id(index) + ", " + Math.round(plan.meanHeartRate())
            + " bpm, " + rate + " Hz; shaded: region)", signal, mask, settings.samples(), settings.samplingRate(), 5);
        assertThat(Files.size(file)).isPositive();
      }
    }
  }
}
