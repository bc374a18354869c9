package org.sinus.plugins.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ComponentConfig;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.FoldSplit;
import org.sinus.api.data.HeapSignalStore;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.Split;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.SignalFormat;
import org.sinus.api.util.Json;
import org.sinus.api.util.Progress;

class TimeRepresentationTest {
  private static final DataContext CONTEXT = new DataContext(java.nio.file.Path.of("target"), 1, Progress.NONE);

  /** Two leads; training records (fold 1) have lead 0 = 1 or 3, lead 1 = 10; the test record is far off. */
  private static EcgDataset data() {
    float[][] signals = new float[3][];
    signals[0] = constant(1, 10);
    signals[1] = constant(3, 10);
    signals[2] = constant(100, -100);
    List<RecordInfo> records = List.of(new RecordInfo("a", 1, new int[] {0}), new RecordInfo("b", 1, new int[] {0}),
        new RecordInfo("c", 2, new int[] {0}));
    return new EcgDataset("t", "t", 100, List.of("I", "II"), new LabelSpace("t", List.of("X"), true), records,
        new HeapSignalStore(signals, 100, 2),
        new FoldSplit(Map.of(Split.TRAIN, List.of(1), Split.VALIDATION, List.of(), Split.TEST, List.of(2))), Map.of(), null);
  }

  private static float[] constant(float lead0, float lead1) {
    float[] x = new float[200];
    for (int t = 0; t < 100; t++) {
      x[2 * t] = lead0 + (t % 2 == 0 ? 0.5f : -0.5f);
      x[2 * t + 1] = lead1;
    }
    return x;
  }

  private static TimeRepresentation create(String hocon) {
    var reference = ConfigFactory.defaultReference().getConfig("sinus.representation.time");
    ComponentConfig config = new ComponentConfig("representation", ConfigFactory.parseString(hocon).withFallback(reference),
        new ProblemCollector());
    TimeRepresentation representation = (TimeRepresentation) new TimeRepresentation.Factory().create(config);
    config.problems().throwIfAny();
    assertThat(config.unreadKeys()).isEmpty();
    return representation;
  }

  @Test
  void perLeadStandardizationIsFittedOnTrainingRecordsOnly() {
    EcgDataset data = data();
    TimeRepresentation representation = create("standardize = per-lead");
    representation.prepare(data, CONTEXT);
    representation.fit(data, data.indices(Split.TRAIN), 50, CONTEXT);
    // lead 0 over training: values 0.5, 1.5, 2.5, 3.5 equally often -> mean 2, population std √1.25
    float[] out = new float[50 * 2];
    representation.encode(new RecordWindow(0, data.signals().read(0), 10, 50), out, 0);
    assertThat(out[0]).isCloseTo((float) ((1.5 - 2) / Math.sqrt(1.25)), within(1e-6f));
    assertThat(out[1]).as("a constant lead keeps scale 1").isCloseTo(0f, within(1e-6f));
    assertThat(representation.shape(new SignalFormat(100, 100, data.leads()), 50).toString()).isEqualTo("[1, 50, 2]");
  }

  @Test
  void globalStandardizationPoolsAllLeadsAndTheStateRoundTrips() {
    EcgDataset data = data();
    TimeRepresentation representation = create("standardize = global");
    representation.prepare(data, CONTEXT);
    representation.fit(data, data.indices(Split.TRAIN), 100, CONTEXT);
    Map<String, Object> state = representation.state();
    assertThat((double[]) state.get("mean")).hasSize(1);
    assertThat(((double[]) state.get("mean"))[0]).isCloseTo(6, within(1e-12));   // (2 + 10) / 2
    TimeRepresentation restored = create("standardize = global");
    restored.prepare(data, CONTEXT);
    restored.restore(Json.parse(Json.pretty(state)));
    float[] a = new float[200];
    float[] b = new float[200];
    representation.encode(new RecordWindow(2, data.signals().read(2), 0, 100), a, 0);
    restored.encode(new RecordWindow(2, data.signals().read(2), 0, 100), b, 0);
    assertThat(b).containsExactly(a);
    BufferedImage preview = representation.preview(a, representation.shape(new SignalFormat(100, 100, data.leads()), 100),
        new SignalFormat(100, 100, data.leads()), 100);
    assertThat(preview.getWidth()).isGreaterThan(300);
  }

  @Test
  void badFilterSettingsAreConfigProblems() {
    var reference = ConfigFactory.defaultReference().getConfig("sinus.representation.time");
    ComponentConfig config = new ComponentConfig("representation",
        ConfigFactory.parseString("band-pass { low-hz = 40, high-hz = 30, order = 3 }").withFallback(reference),
        new ProblemCollector());
    new TimeRepresentation.Factory().create(config);
    assertThat(config.problems().problems()).extracting(p -> p.path())
        .containsExactlyInAnyOrder("representation.band-pass.order", "representation.band-pass.low-hz");
  }
}
