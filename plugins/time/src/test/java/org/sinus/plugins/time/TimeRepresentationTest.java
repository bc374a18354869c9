package org.sinus.plugins.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.FoldSplit;
import org.sinus.api.data.HeapSignalStore;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.data.Split;
import org.sinus.api.preview.Preview;
import org.sinus.api.preview.SignalPreview;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Previewable;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.util.Json;
import org.sinus.testkit.Fitting;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestDatasets;

/** The time representation's standardization, filter, state, preview and settings, on hand-computed values. */
class TimeRepresentationTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new TimePlugin());

  @TempDir
  Path cache;

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
        new FoldSplit(Map.of(Split.TRAIN, List.of(1), Split.VALIDATION, List.of(), Split.TEST, List.of(2))), Map.of(),
        null);
  }

  /** 100 samples of two leads: lead 0 alternates ±0.5 around {@code lead0}, lead 1 is {@code lead1}. */
  private static float[] constant(float lead0, float lead1) {
    float[] x = new float[200];
    for (int t = 0; t < 100; t++) {
      x[2 * t] = lead0 + (t % 2 == 0 ? 0.5f : -0.5f);
      x[2 * t + 1] = lead1;
    }
    return x;
  }

  private static Representation create(String hocon) {
    return COMPONENTS.build(Representation.POINT, "type = time, " + hocon);
  }

  private FittedRepresentation fit(Representation representation, EcgDataset data, int windowSamples) {
    return Fitting.fit(representation, data, windowSamples, TestDatasets.context(cache));
  }

  private FitContext context(EcgDataset data, int windowSamples) {
    return Fitting.context(data, windowSamples, TestDatasets.context(cache));
  }

  private static float[] encode(FittedRepresentation fitted, EcgDataset data, int record, int start, int length) {
    float[] out = new float[fitted.shape().size()];
    fitted.encode(new RecordWindow(record, data.signals().read(record), start, length), out, 0);
    return out;
  }

  @Test
  void perLeadStandardizationIsFittedOnTrainingRecordsOnly() {
    EcgDataset data = data();
    Representation representation = create("standardize = per-lead");
    FittedRepresentation fitted = fit(representation, data, 50);
    // lead 0 over training: values 0.5, 1.5, 2.5, 3.5 equally often -> mean 2, population std √1.25
    float[] out = encode(fitted, data, 0, 10, 50);
    assertThat(out[0]).isCloseTo((float) ((1.5 - 2) / Math.sqrt(1.25)), within(1e-6f));
    assertThat(out[1]).as("a constant lead keeps scale 1").isCloseTo(0f, within(1e-6f));
    assertThat(representation.shape(new SignalFormat(100, 100, data.leads()), 50).toString()).isEqualTo("[1, 50, 2]");
    assertThat(fitted.shape().toString()).isEqualTo("[1, 50, 2]");
    Map<String, Object> state = fitted.state();
    assertThat(state.get("standardize")).isEqualTo("per-lead");
    assertThat((double[]) state.get("mean")).containsExactly(new double[] {2, 10}, within(1e-12));
    assertThat((double[]) state.get("std")).containsExactly(new double[] {Math.sqrt(1.25), 1}, within(1e-12));
  }

  @Test
  void globalStandardizationPoolsAllLeadsAndTheStateRoundTrips() {
    EcgDataset data = data();
    Representation representation = create("standardize = global");
    FittedRepresentation fitted = fit(representation, data, 100);
    Map<String, Object> state = fitted.state();
    assertThat((double[]) state.get("mean")).hasSize(1);
    assertThat(((double[]) state.get("mean"))[0]).isCloseTo(6, within(1e-12));   // (2 + 10) / 2
    // E[x²] = (1.25 + 4 + 100) / 2 over both leads: variance 52.625 - 36
    assertThat(((double[]) state.get("std"))[0]).isCloseTo(Math.sqrt(16.625), within(1e-12));
    FittedRepresentation restored = create("standardize = global").restore(Json.parse(Json.pretty(state)),
        context(data, 100));
    assertThat(Json.pretty(restored.state())).isEqualTo(Json.pretty(state));
    float[] a = encode(fitted, data, 2, 0, 100);
    float[] b = encode(restored, data, 2, 0, 100);
    assertThat(b).containsExactly(a);
    assertThat(a[1]).as("lead II of the test record, standardized with the training statistics")
        .isCloseTo((float) ((-100 - 6) / Math.sqrt(16.625)), within(1e-5f));
  }

  @Test
  void previewDescribesTheStandardizedLeads() {
    EcgDataset data = data();
    FittedRepresentation fitted = fit(create("standardize = global"), data, 100);
    float[] example = encode(fitted, data, 2, 0, 100);
    assertThat(fitted).isInstanceOf(Previewable.class);
    Preview preview = ((Previewable) fitted).preview(example, 1.5);
    assertThat(preview).isInstanceOf(SignalPreview.class);
    SignalPreview signals = (SignalPreview) preview;
    assertThat(signals.values()).containsExactly(example);
    assertThat(signals.samplingRate()).isEqualTo(100);
    assertThat(signals.startSeconds()).isEqualTo(1.5);
    assertThat(signals.leads()).containsExactly("I", "II");
    assertThat(signals.title()).contains("[1, 100, 2]").contains("unfiltered").contains("global");

    FittedRepresentation filtered = fit(create("band-pass { low-hz = 0.5, high-hz = 40 }"), data, 100);
    assertThat(((Previewable) filtered).preview(example, 0).title()).contains("band-pass 0.5–40.0 Hz")
        .contains("per-lead");
  }

  @Test
  void theBandPassFiltersTheWholeRecordBeforeTheWindowIsCutAndStandardized() {
    EcgDataset data = TestDatasets.random(20, 1000, 100, 3);
    int leads = data.leads().size();
    FittedRepresentation fitted = fit(
        create("standardize = per-lead, band-pass { low-hz = 0.5, high-hz = 25, order = 4 }"), data, 250);
    double[] mean = (double[]) fitted.state().get("mean");
    double[] std = (double[]) fitted.state().get("std");
    assertThat(mean).hasSize(leads);
    ButterworthFilter filter = new ButterworthFilter(0.5, 25, 4, 100);
    int record = data.indices(Split.TEST)[0];
    float[] signal = data.signals().read(record);
    double[] work = new double[filter.workLength(1000)];
    for (int lead = 0; lead < leads; lead++) {
      filter.apply(signal, 1000, leads, lead, work);
    }
    float[] out = encode(fitted, data, record, 300, 250);
    for (int t = 0; t < 250; t++) {
      for (int lead = 0; lead < leads; lead++) {
        double expected = (signal[(300 + t) * leads + lead] - mean[lead]) / std[lead];
        assertThat((double) out[t * leads + lead]).as("sample %d of lead %d", t, lead)
            .isCloseTo(expected, within(1e-5));
      }
    }
    // the statistics are those of the filtered training records
    double[] sum = new double[leads];
    double[] squares = new double[leads];
    int[] training = data.indices(Split.TRAIN);
    for (int r : training) {
      float[] x = data.signals().read(r);
      for (int lead = 0; lead < leads; lead++) {
        filter.apply(x, 1000, leads, lead, work);
      }
      for (int i = 0; i < x.length; i++) {
        sum[i % leads] += x[i];
        squares[i % leads] += (double) x[i] * x[i];
      }
    }
    for (int lead = 0; lead < leads; lead++) {
      double m = sum[lead] / (training.length * 1000.0);
      assertThat(mean[lead]).as("mean of lead %d", lead).isCloseTo(m, within(1e-9));
      assertThat(std[lead]).as("std of lead %d", lead)
          .isCloseTo(Math.sqrt(squares[lead] / (training.length * 1000.0) - m * m), within(1e-9));
    }
  }

  @Test
  void aStateOfAnotherStandardizationIsRefused() {
    EcgDataset data = data();
    Map<String, Object> global = fit(create("standardize = global"), data, 50).state();
    Representation perLead = create("standardize = per-lead");
    assertThatThrownBy(() -> perLead.restore(Json.parse(Json.pretty(global)), context(data, 50)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per-lead").hasMessageContaining("needs 2");
  }

  @Test
  void badFilterSettingsAreConfigProblems() {
    assertThatThrownBy(() -> create("band-pass { low-hz = 40, high-hz = 30, order = 3 }"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::path)
            .containsExactlyInAnyOrder("representation.band-pass.order", "representation.band-pass.low-hz"));
  }

  @Test
  void aLowPassAtOrAboveTheNyquistFrequencyOfTheDataIsAConfigProblemOfHighHz() {
    SignalFormat format = new SignalFormat(100, 1000, TestDatasets.LEADS);
    for (String high : List.of("50", "60")) {
      Representation representation = create("band-pass.high-hz = " + high);
      assertThatThrownBy(() -> representation.shape(format, 250))
          .as("high-hz = %s at 100 Hz", high)
          .isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            ConfigProblem problem = e.problems().get(0);
            assertThat(problem.path()).isEqualTo("representation.band-pass.high-hz");
            assertThat(problem.location()).contains("test block");
            assertThat(problem.message()).contains("Nyquist").contains("50.0 Hz");
          });
    }
    assertThat(create("band-pass.high-hz = 49.9").shape(format, 250).toString()).isEqualTo("[1, 250, 12]");
    assertThat(create("band-pass.high-hz = 50").shape(new SignalFormat(500, 5000, TestDatasets.LEADS), 1250).toString())
        .as("50 Hz is below the Nyquist frequency of 500 Hz data").isEqualTo("[1, 1250, 12]");
    EcgDataset data = TestDatasets.random(10, 200, 100, 1);
    assertThatThrownBy(() -> fit(create("band-pass.high-hz = 50"), data, 100))
        .as("fitting checks the data too").isInstanceOf(ConfigException.class)
        .hasMessageContaining("representation.band-pass.high-hz");
  }
}
