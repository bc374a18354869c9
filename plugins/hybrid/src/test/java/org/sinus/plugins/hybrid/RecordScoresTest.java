package org.sinus.plugins.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.model.FusionData;

/** Record scores aggregate windows as the evaluation does, and the AUC counts ties as one half. */
class RecordScoresTest {
  @Test
  void aucCountsPairsAndTiesAsHalves() {
    // positives 0.8, 0.4; negatives 0.4, 0.1: pairs (0.8>0.4, 0.8>0.1, 0.4=0.4, 0.4>0.1) = 3.5 of 4
    double auc = RecordScores.auc(new double[] {0.8, 0.4, 0.4, 0.1}, new boolean[] {true, true, false, false});
    assertThat(auc).isCloseTo(0.875, within(1e-12));
    assertThat(RecordScores.auc(new double[] {0.3, 0.2}, new boolean[] {true, true})).isNaN();
  }

  @Test
  void windowsAreAggregatedByTheirMaximumOrMean() {
    // one record, three windows, one part, one class
    float[] p = {0.2f, 0.9f, 0.4f};
    FusionData max = new FusionData(List.of("a"), List.of("X"), 1, 3, p, new boolean[] {true},
        RecordScoring.Aggregate.MAX, 0);
    FusionData mean = new FusionData(List.of("a"), List.of("X"), 1, 3, p, new boolean[] {true},
        RecordScoring.Aggregate.MEAN, 0);
    RecordScores.WindowFusion only = (data, r, w, c) -> data.probability(r, w, 0, c);
    assertThat(RecordScores.of(max, new int[] {0}, 0, only)[0]).isCloseTo(0.9, within(1e-6));
    assertThat(RecordScores.of(mean, new int[] {0}, 0, only)[0]).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void crossFittingDealsEveryRecordToOneFoldOfNearlyEqualSize() {
    int[] folds = CrossFitting.folds(23, 5, 7);
    int[] sizes = new int[5];
    for (int fold : folds) {
      sizes[fold]++;
    }
    assertThat(sizes).containsOnly(4, 5);
    assertThat(CrossFitting.members(folds, 2, true).length + CrossFitting.members(folds, 2, false).length).isEqualTo(23);
    assertThat(CrossFitting.folds(23, 5, 7)).isEqualTo(folds);
  }
}
