package org.sinus.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.sinus.api.SinusException;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.explain.RecordScoring;
import org.sinus.engine.run.ModelFormat;
import org.sinus.io.Recording;

class RecordingConformerTest {
  private static final List<String> LEADS = List.of("I", "II", "V1");
  /** 100 Hz, records of 10 s, windows of 2.5 s. */
  private static final ModelFormat MODEL = new ModelFormat(new SignalFormat(100, 1000, LEADS),
      new RecordScoring(250, 125, RecordScoring.Aggregate.MAX), List.of("A", "B"), true, "data");

  private static Recording recording(String file, List<String> names, int samples, OptionalDouble rate) {
    float[] signal = new float[samples * 3];
    for (int t = 0; t < samples; t++) {
      for (int c = 0; c < 3; c++) {
        signal[t * 3 + c] = c + 1;        // lead k holds the value k + 1
      }
    }
    return new Recording("r", Path.of(file), rate, names, 3, signal);
  }

  @Test
  void namedLeadsAreMatchedByNameIgnoringCaseAndReordered() {
    Recording r = recording("a.csv", List.of("v1", "I", "ii"), 400, OptionalDouble.of(100));
    ConformedRecording conformed = new RecordingConformer(MODEL, ArrayLayout.assumed()).conform(r);
    assertThat(conformed.signal()).startsWith(2, 3, 1);     // the model's I, II, V1 are the file's 2nd, 3rd, 1st
    assertThat(conformed.samples()).isEqualTo(400);
    assertThat(conformed.notices()).containsExactly("leads reordered from [v1, I, ii] to the model's [I, II, V1]");
  }

  @Test
  void unnamedRowsFollowTheLeadsOptionOrTheModelsOrderWithANotice() {
    Recording plain = recording("a.npy", List.of(), 400, OptionalDouble.empty());
    ConformedRecording assumed = new RecordingConformer(MODEL, ArrayLayout.assumed()).conform(plain);
    assertThat(assumed.signal()).startsWith(1, 2, 3);
    assertThat(assumed.notices()).anyMatch(n -> n.startsWith("unnamed rows read in the model's lead order I,II,V1"))
        .anyMatch(n -> n.startsWith("no sampling rate in the file: taken to be the model's 100 Hz"));
    ConformedRecording declared = new RecordingConformer(MODEL,
        new ArrayLayout(OptionalDouble.of(100), List.of("II", "V1", "I"))).conform(plain);
    assertThat(declared.signal()).startsWith(3, 1, 2);
  }

  @Test
  void anotherRateIsResampledToTheModels() {
    Recording r = recording("a.hea", List.of("I", "II", "V1"), 2500, OptionalDouble.of(500));
    ConformedRecording conformed = new RecordingConformer(MODEL, ArrayLayout.assumed()).conform(r);
    assertThat(conformed.samples()).isEqualTo(500);
    assertThat(conformed.signal()[3 * 250 + 2]).isCloseTo(3f, within(1e-5f));
    assertThat(conformed.notices()).containsExactly("resampled from 500 Hz to the model's 100 Hz");
  }

  @Test
  void eachBadRecordingIsRefusedWithOneLineNamingTheFile() {
    RecordingConformer conformer = new RecordingConformer(MODEL, ArrayLayout.assumed());
    assertThatThrownBy(() -> conformer.conform(recording("short.npy", List.of(), 200, OptionalDouble.empty())))
        .isInstanceOf(SinusException.class).hasMessage("short.npy: too short: 2 s, the model reads windows of 2.5 s");
    Recording nan = recording("nan.csv", List.of(), 400, OptionalDouble.empty());
    nan.signal()[3 * 7 + 1] = Float.NaN;
    assertThatThrownBy(() -> conformer.conform(nan))
        .hasMessage("nan.csv: sample 7 of lead II is NaN: every value must be a finite number");
    Recording inf = recording("inf.csv", List.of(), 400, OptionalDouble.empty());
    inf.signal()[2] = Float.NEGATIVE_INFINITY;
    assertThatThrownBy(() -> conformer.conform(inf)).hasMessageContaining("lead V1 is -Infinity");
    Recording two = new Recording("r", Path.of("two.npy"), OptionalDouble.empty(), List.of(), 2, new float[800]);
    assertThatThrownBy(() -> conformer.conform(two))
        .hasMessage("two.npy: 2 leads, but the model reads 3 [I, II, V1]");
    Recording transposed = new Recording("r", Path.of("t.npy"), OptionalDouble.empty(), List.of(), 400,
        new float[1200]);
    assertThatThrownBy(() -> conformer.conform(transposed)).hasMessageContaining("is the array transposed?");
    Recording renamed = recording("x.hea", List.of("I", "II", "V2"), 400, OptionalDouble.of(100));
    assertThatThrownBy(() -> conformer.conform(renamed))
        .hasMessage("x.hea: leads [I, II, V2] do not match the model's [I, II, V1] (missing: V1)");
  }

  @Test
  void aModelThatReadsWholeRecordsRefusesOtherLengths() {
    ModelFormat whole = new ModelFormat(new SignalFormat(100, 1000, LEADS),
        new RecordScoring(1000, 1000, RecordScoring.Aggregate.MAX), List.of("A"), true, "data");
    RecordingConformer conformer = new RecordingConformer(whole, ArrayLayout.assumed());
    assertThat(conformer.conform(recording("ok.npy", List.of(), 1000, OptionalDouble.empty())).samples())
        .isEqualTo(1000);
    assertThatThrownBy(() -> conformer.conform(recording("long.npy", List.of(), 1200, OptionalDouble.empty())))
        .hasMessage("long.npy: 12 s long, but the model reads whole records of 10 s (it was trained without a "
            + "shorter training.crop)");
  }
}
