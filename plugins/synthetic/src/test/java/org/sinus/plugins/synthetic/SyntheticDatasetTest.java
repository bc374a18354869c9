package org.sinus.plugins.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.data.ClassRegions;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.util.Progress;
import org.sinus.plugins.synthetic.ecg.Leads;
import org.sinus.plugins.synthetic.ecg.RecordPlanner;
import org.sinus.plugins.synthetic.ecg.RegionMasks;
import org.sinus.plugins.synthetic.ecg.SyntheticClass;
import org.sinus.testkit.TestComponents;

/** The loaded synthetic dataset: its layout, determinism, label distribution, progress and regions. */
class SyntheticDatasetTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new SyntheticPlugin());

  @TempDir
  Path cache;

  private EcgDataset load(String hocon, int threads) {
    return load(hocon, threads, Progress.NONE);
  }

  private EcgDataset load(String hocon, int threads, Progress progress) {
    Dataset dataset = COMPONENTS.build(Dataset.POINT, "type = synthetic\n" + hocon);
    return dataset.load(new DataContext(cache, threads, progress));
  }

  @Test
  void loadsRecordsWithPtbXlLeadsClassesAndFolds() {
    EcgDataset data = load("records = 250", 2);
    assertThat(data.name()).isEqualTo("synthetic");
    assertThat(data.size()).isEqualTo(250);
    assertThat(data.samplingRate()).isEqualTo(100);
    assertThat(data.samples()).isEqualTo(1000);
    assertThat(data.leads()).containsExactly("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6");
    assertThat(data.labels().classes()).containsExactly("CD", "HYP", "MI", "NORM", "STTC");
    assertThat(data.labels().multiLabel()).isTrue();
    assertThat(data.labels().task()).isEqualTo("superdiagnostic");
    assertThat(data.record(0).id()).isEqualTo("syn-00001");
    assertThat(data.record(249).id()).isEqualTo("syn-00250");
    assertThat(data.dropped()).isEmpty();
    assertThat(data.regions()).isPresent();
    assertThat(data.source()).isEqualTo(new SyntheticDataset(Configs.settings("records = 250")).describe());

    int[] perFold = new int[11];
    data.records().forEach(r -> perFold[r.fold()]++);
    for (int fold = 1; fold <= 10; fold++) {
      assertThat(perFold[fold]).as("fold " + fold).isEqualTo(25);
    }
    assertThat(data.indices(Split.TRAIN)).hasSize(200);
    assertThat(data.indices(Split.VALIDATION)).hasSize(25);
    assertThat(data.indices(Split.TEST)).hasSize(25);
    // folds are shuffled, not i % 10
    assertThat(data.records().subList(0, 10).stream().mapToInt(r -> r.fold()).distinct().count()).isLessThan(10);

    float[] signal = data.signals().read(0);
    double max = 0;
    for (float v : signal) {
      assertThat(Float.isFinite(v)).isTrue();
      max = Math.max(max, Math.abs(v));
    }
    assertThat(max).as("largest value of record 0, mV").isBetween(0.5, 5.0);
  }

  @Test
  void sameSettingsGiveBitIdenticalDataOnAnyNumberOfThreads() {
    EcgDataset one = load("records = 60, sampling-rate = 500, duration = 4s", 1);
    EcgDataset two = load("records = 60, sampling-rate = 500, duration = 4s", 2);
    for (int i = 0; i < 60; i++) {
      assertThat(Arrays.equals(one.signals().read(i), two.signals().read(i))).as("record " + i).isTrue();
      assertThat(one.record(i)).isEqualTo(two.record(i));
    }
    assertThat(one.fingerprint()).isEqualTo(two.fingerprint());
    // the first records do not depend on how many records there are
    EcgDataset more = load("records = 90, sampling-rate = 500, duration = 4s", 2);
    assertThat(Arrays.equals(one.signals().read(59), more.signals().read(59))).isTrue();
  }

  @Test
  void anotherSeedGivesOtherData() {
    EcgDataset a = load("records = 30, seed = 1", 2);
    EcgDataset b = load("records = 30, seed = 2", 2);
    int sameLabels = 0;
    for (int i = 0; i < 30; i++) {
      assertThat(Arrays.equals(a.signals().read(i), b.signals().read(i))).as("record " + i).isFalse();
      sameLabels += Arrays.equals(a.record(i).labels(), b.record(i).labels()) ? 1 : 0;
    }
    assertThat(sameLabels).isLessThan(25);
    assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
  }

  @Test
  void limbLeadsFollowEinthovenAndGoldbergerExactly() {
    EcgDataset data = load("records = 20", 2);
    for (int r = 0; r < data.size(); r++) {
      float[] x = data.signals().read(r);
      for (int s = 0; s < data.samples(); s++) {
        int b = s * Leads.COUNT;
        float i = x[b + Leads.I];
        float ii = x[b + Leads.II];
        assertThat(x[b + Leads.III]).isEqualTo(ii - i);
        assertThat(x[b + Leads.AVR]).isEqualTo(-(i + ii) / 2f);
        assertThat(x[b + Leads.AVL]).isEqualTo(i - ii / 2f);
        assertThat(x[b + Leads.AVF]).isEqualTo(ii - i / 2f);
      }
    }
  }

  @Test
  void labelsFollowTheConfiguredDistribution() {
    RecordPlanner planner = new RecordPlanner(Configs.settings("").generator());
    int n = 5000;
    int norm = 0;
    int[] positives = new int[5];
    int[] cardinality = new int[5];
    for (int i = 0; i < n; i++) {
      int[] labels = planner.drawLabels(i);
      cardinality[labels.length]++;
      for (int label : labels) {
        positives[label]++;
      }
      if (Arrays.equals(labels, new int[] {SyntheticClass.NORM.label()})) {
        norm++;
      } else {
        assertThat(labels).doesNotContain(SyntheticClass.NORM.label());
      }
    }
    assertThat(norm / (double) n).isCloseTo(0.4, within(0.03));
    // abnormal records: 1 or 2 classes, equally often; each abnormal class in 0.6 * 1.5 / 4 of the records
    assertThat(cardinality[2] / (double) (n - norm)).isCloseTo(0.5, within(0.04));
    assertThat(cardinality[3] + cardinality[4]).isZero();
    for (SyntheticClass c : SyntheticClass.ABNORMAL) {
      assertThat(positives[c.label()] / (double) n).as(c.name()).isCloseTo(0.225, within(0.03));
    }

    RecordPlanner single =
        new RecordPlanner(Configs.settings("norm-fraction = 0.1, max-abnormal-classes = 1").generator());
    int singleNorm = 0;
    for (int i = 0; i < 2000; i++) {
      int[] labels = single.drawLabels(i);
      assertThat(labels).hasSize(1);
      singleNorm += labels[0] == SyntheticClass.NORM.label() ? 1 : 0;
    }
    assertThat(singleNorm / 2000.0).isCloseTo(0.1, within(0.03));
  }

  @Test
  void reportsProgressRecordByRecord() {
    AtomicLong total = new AtomicLong();
    AtomicLong advanced = new AtomicLong();
    List<String> events = new ArrayList<>();
    Progress progress = new Progress() {
      @Override
      public void start(String task, long units) {
        total.set(units);
        events.add("start");
      }

      @Override
      public void advance(long units) {
        advanced.addAndGet(units);
      }

      @Override
      public void done() {
        events.add("done");
      }
    };
    load("records = 37", 2, progress);
    assertThat(total.get()).isEqualTo(37);
    assertThat(advanced.get()).isEqualTo(37);
    assertThat(events).containsExactly("start", "done");
  }

  @Test
  void regionsComeFromTheRecordsSeed() {
    String hocon = "records = 40";
    EcgDataset data = load(hocon, 2);
    ClassRegions regions = data.regions().orElseThrow();
    RecordPlanner planner = new RecordPlanner(Configs.settings(hocon).generator());
    for (int i = 0; i < data.size(); i++) {
      for (int label = 0; label < 5; label++) {
        float[] mask = regions.region(i, label);
        assertThat(mask).hasSize(data.samples() * Leads.COUNT);
        assertThat(mask).isEqualTo(RegionMasks.mask(planner.plan(i), SyntheticClass.ofLabel(label), 1000, 100));
        boolean any = false;
        for (float v : mask) {
          any |= v > 0;
        }
        assertThat(any).isEqualTo(data.record(i).has(label) && label != SyntheticClass.NORM.label());
      }
    }
    assertThatThrownBy(() -> regions.region(40, 0))
        .hasMessageContaining("record 40").hasMessageContaining("40 records");
    assertThatThrownBy(() -> regions.region(0, 5))
        .hasMessageContaining("label 5").hasMessageContaining("CD, HYP, MI, NORM, STTC");
  }
}
