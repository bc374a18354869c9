package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PredictionsTest {
  @Test
  void readsRowMajorArrays() {
    Predictions p = Predictions.of("test", EvalFixtures.multiLabel("A", "B"), new float[] {0.1f, 0.9f, 0.4f, 0.6f},
        new boolean[] {false, true, true, true});
    assertThat(p.records()).isEqualTo(2);
    assertThat(p.scores(1)).containsExactly(0.9f, 0.6f);
    assertThat(p.targets(0)).containsExactly(false, true);
    assertThat(p.positives(1)).isEqualTo(2);
    assertThat(p.negatives(0)).isEqualTo(1);
  }

  @Test
  void refusesArraysThatDoNotFormRecordsTimesClasses() {
    assertThatThrownBy(() -> Predictions.of("test", EvalFixtures.multiLabel("A", "B"), new float[3], new boolean[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test: 3 scores and 3 targets do not form N records × 2 classes [A, B]");
    assertThatThrownBy(() -> Predictions.of("test", EvalFixtures.multiLabel("A", "B"), new float[4], new boolean[2]))
        .hasMessage("test: 4 scores and 2 targets do not form N records × 2 classes [A, B]");
    assertThatThrownBy(() -> Predictions.of("test", EvalFixtures.multiLabel("A"), new float[0], new boolean[0]))
        .hasMessage("test: no records to evaluate");
  }

  @Test
  void refusesNonFiniteScoresNamingRecordAndClass() {
    assertThatThrownBy(() -> Predictions.of("validation", EvalFixtures.multiLabel("A", "B"),
        new float[] {0.1f, 0.2f, Float.NaN, 0.3f}, new boolean[4]))
        .hasMessage("validation: record 1, class A has score NaN; scores must be finite (did training diverge?)");
  }

  @Test
  void singleLabelTaskNeedsExactlyOneClassPerRecord() {
    assertThatThrownBy(() -> Predictions.of("test", EvalFixtures.singleLabel("A", "B"), new float[4],
        new boolean[] {true, false, true, true}))
        .hasMessage("test: record 1 has 2 classes, but task 'test-task' is single-label (exactly one class per record)");
    assertThatThrownBy(() -> Predictions.ofClassIndices("test", EvalFixtures.singleLabel("A", "B"), new float[4],
        new int[] {0, 2}))
        .hasMessage("test: record 1 has class index 2, but task 'test-task' has classes 0..1 [A, B]");
  }

  @Test
  void resampleRepeatsRecords() {
    Predictions p = EvalFixtures.column("test", "A", new float[] {0.1f, 0.2f, 0.3f}, 0, 1, 1);
    Predictions r = p.resample(new int[] {2, 0, 1});
    assertThat(r.scores(0)).containsExactly(0.1f, 0.1f, 0.3f);
    assertThat(r.targets(0)).containsExactly(false, false, true);
  }
}
