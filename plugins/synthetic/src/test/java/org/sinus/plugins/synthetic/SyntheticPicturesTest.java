package org.sinus.plugins.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.plugins.synthetic.ecg.GeneratorSettings;
import org.sinus.plugins.synthetic.ecg.Leads;
import org.sinus.plugins.synthetic.ecg.RecordPlan;
import org.sinus.plugins.synthetic.ecg.RecordPlanner;
import org.sinus.plugins.synthetic.ecg.RecordSynthesizer;
import org.sinus.plugins.synthetic.ecg.RegionMasks;
import org.sinus.plugins.synthetic.ecg.SyntheticClass;

/**
 * Writes one picture per class (a record with only that class, its region shaded) into
 * {@code target/synthetic-pictures/}, at 100 and 500 Hz, for a person to check that the records look
 * like ECGs and the regions sit where the changes are. It draws with Java2D only (no Sinus plotting).
 * What can be checked without a person is asserted: on the data, the signal's size and where the
 * regions are; on the picture, that it shows that data (every sample of every lead on its trace,
 * shading exactly where the region is).
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
        EcgPictures.Layout layout = EcgPictures.Layout.of(settings.samples(), settings.samplingRate(), 5);
        assertThat(layout.x(Leads.V1, settings.samplingRate()) - layout.x(Leads.V1, 0)).as("25 mm/s").isEqualTo(125);
        assertThat(layout.y(Leads.II, 0f) - layout.y(Leads.II, 1f)).as("10 mm/mV").isEqualTo(50);
        assertThat(layout.y(Leads.II, 0f)).isEqualTo(layout.top(Leads.II) + EcgPictures.ROW_HEIGHT / 2);
        BufferedImage image = EcgPictures.draw(c + " (record " + SyntheticDataset.id(index) + ", "
            + Math.round(plan.meanHeartRate()) + " bpm, " + rate + " Hz; shaded: region)", signal, mask, layout);
        EcgPictures.write(file, image);
        assertThat(offTrace(image, signal, layout)).as("%s at %s Hz: samples off the trace", c, rate).isEmpty();
        assertThat(wronglyShaded(image, mask, layout)).as("%s at %s Hz: shading unlike the region", c, rate)
            .isEmpty();

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

  /**
   * Samples that have no black pixel within 1 px of where the layout puts them (inside the picture,
   * not under a lead's name).
   */
  private static List<String> offTrace(BufferedImage image, float[] signal, EcgPictures.Layout layout) {
    List<String> off = new ArrayList<>();
    for (int lead = 0; lead < Leads.COUNT; lead++) {
      for (int s = 0; s < layout.shown(); s++) {
        int x = layout.x(lead, s);
        int y = layout.y(lead, signal[s * Leads.COUNT + lead]);
        boolean black = y < 0 || y >= image.getHeight() || layout.underName(lead, x, y); // not to be seen
        for (int dy = -1; dy <= 1 && !black; dy++) {
          for (int dx = -1; dx <= 1 && !black; dx++) {
            int rgb = y + dy >= 0 && y + dy < image.getHeight() ? image.getRGB(x + dx, y + dy) : -1;
            black = (rgb >> 16 & 0xFF) < 110 && (rgb >> 8 & 0xFF) < 110 && (rgb & 0xFF) < 110;
          }
        }
        if (!black) {
          off.add(Leads.NAMES.get(lead) + " sample " + s);
        }
      }
    }
    return off;
  }

  /**
   * Samples whose column of their lead's row, 3 px below its top, is shaded though the region mask
   * is 0 there or white though it is 1; only where the mask is the same for the samples whose
   * shading may reach that column (a pixel's worth on either side) and the pixel is not a grid line,
   * a lead name or the trace.
   */
  private static List<String> wronglyShaded(BufferedImage image, float[] mask, EcgPictures.Layout layout) {
    int shade = EcgPictures.SHADE.getRGB();
    int white = Color.WHITE.getRGB();
    int spread = (int) Math.ceil((double) layout.rate() / EcgPictures.PX_PER_S) + 1;
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (int lead = 0; lead < Leads.COUNT; lead++) {
      for (int s = spread; s < layout.shown() - spread; s++) {
        boolean region = mask[s * Leads.COUNT + lead] > 0;
        boolean even = true;
        for (int n = s - spread; n <= s + spread; n++) {
          even &= mask[n * Leads.COUNT + lead] > 0 == region;
        }
        int rgb = image.getRGB(layout.x(lead, s), layout.top(lead) + 3);
        if (even && (rgb == shade || rgb == white)) {
          checked++;
          if (rgb == shade != region) {
            wrong.add(Leads.NAMES.get(lead) + " sample " + s + (region ? " not shaded" : " shaded"));
          }
        }
      }
    }
    assertThat(checked).as("columns checked").isGreaterThan(Leads.COUNT * layout.shown() / 2);
    return wrong;
  }
}
