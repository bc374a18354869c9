package org.sinus.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The training loop's bookkeeping: which epoch is best (strictly better only, in the metric's direction),
 * when patience runs out, that an unvalidated epoch changes neither, and that all of it survives the
 * checkpoint's JSON so a resumed run stops and selects exactly as the uninterrupted one would.
 */
class TrainerStateTest {
  private static EpochRecord epoch(int epoch) {
    return new EpochRecord(epoch, epoch * 10L, 0.01, 0.5, 0.4, 0.8, 1.5);
  }

  @Test
  void higherIsBetterTiesAreNoImprovementAndPatienceStopsTraining() {
    TrainerState state = new TrainerState();
    assertThat(state.finishEpoch(epoch(1), 0.80, true, 2)).isTrue();
    assertThat(state.finishEpoch(epoch(2), 0.80, true, 2)).isFalse();     // a tie is not better
    assertThat(state.stoppedEarly()).isFalse();                          // one epoch without improvement of two
    assertThat(state.finishEpoch(epoch(3), 0.79, true, 2)).isFalse();
    assertThat(state.stoppedEarly()).isTrue();                           // the second: patience 2 is used up
    assertThat(state.bestEpoch()).isEqualTo(1);
    assertThat(state.bestMetric()).isEqualTo(0.80);
    assertThat(state.epoch()).isEqualTo(3);
    assertThat(state.step()).isEqualTo(30);
    assertThat(state.history()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
  }

  @Test
  void lowerIsBetterAndAnImprovementResetsPatience() {
    TrainerState state = new TrainerState();
    state.finishEpoch(epoch(1), 0.50, false, 2);
    assertThat(state.finishEpoch(epoch(2), 0.60, false, 2)).isFalse();
    assertThat(state.finishEpoch(epoch(3), 0.40, false, 2)).isTrue();   // lower loss: best, patience reset
    assertThat(state.finishEpoch(epoch(4), 0.40, false, 2)).isFalse();   // an equal loss is no improvement
    assertThat(state.stoppedEarly()).isFalse();                         // 1 epoch since the best, not 2
    assertThat(state.bestEpoch()).isEqualTo(3);
  }

  @Test
  void withoutPatienceNothingStopsAndUnvalidatedEpochsCountForNothing() {
    TrainerState state = new TrainerState();
    state.finishEpoch(epoch(1), 0.9, true, 0);
    for (int e = 2; e <= 5; e++) {
      assertThat(state.finishEpoch(epoch(e), 0.1, true, 0)).isFalse();
    }
    assertThat(state.stoppedEarly()).isFalse();
    TrainerState skipping = new TrainerState();
    skipping.finishEpoch(epoch(1), 0.7, true, 1);
    assertThat(skipping.finishEpoch(epoch(2), Double.NaN, true, 1)).isFalse(); // not validated: no verdict
    assertThat(skipping.stoppedEarly()).isFalse();
    assertThat(skipping.bestEpoch()).isEqualTo(1);
    assertThat(skipping.epoch()).isEqualTo(2);
  }

  @Test
  void jsonRoundTripKeepsEverythingTheResumeNeeds() {
    TrainerState state = new TrainerState();
    state.finishEpoch(epoch(1), 0.6, true, 3);
    state.finishEpoch(epoch(2), 0.7, true, 3);
    state.finishEpoch(epoch(3), 0.65, true, 3);
    TrainerState back = TrainerState.fromJson(state.toJson());
    assertThat(back.toJson()).isEqualTo(state.toJson());
    assertThat(back.epoch()).isEqualTo(3);
    assertThat(back.bestEpoch()).isEqualTo(2);
    assertThat(back.bestMetric()).isEqualTo(0.7);
    assertThat(back.history()).isEqualTo(state.history());
    // the patience counter came back too: two more epochs without improvement stop, not three
    back.finishEpoch(epoch(4), 0.5, true, 3);
    assertThat(back.stoppedEarly()).isFalse();
    back.finishEpoch(epoch(5), 0.5, true, 3);
    assertThat(back.stoppedEarly()).isTrue();
    // before any validation the best metric is unknown, and stays so through JSON
    assertThat(TrainerState.fromJson(new TrainerState().toJson()).bestMetric()).isNaN();
  }
}
