package org.sinus.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold rotation of 10-fold cross-validation: each fold is tested once, validated once, and trains otherwise. */
class CrossValidationTest {

  @Test
  void tenFoldsRotateTestAndValidationOverEveryFold() {
    List<CrossValidation.Fold> rotations = new CrossValidation(10).rotations();
    assertThat(rotations).hasSize(10);
    assertThat(rotations.get(0)).isEqualTo(new CrossValidation.Fold(List.of(3, 4, 5, 6, 7, 8, 9, 10), 2, 1));
    assertThat(rotations.get(8)).isEqualTo(new CrossValidation.Fold(List.of(1, 2, 3, 4, 5, 6, 7, 8), 10, 9));
    assertThat(rotations.get(9)).isEqualTo(new CrossValidation.Fold(List.of(2, 3, 4, 5, 6, 7, 8, 9), 1, 10));
    List<Integer> tested = new ArrayList<>();
    List<Integer> validated = new ArrayList<>();
    for (CrossValidation.Fold fold : rotations) {
      tested.add(fold.test());
      validated.add(fold.validation());
      assertThat(fold.train()).hasSize(8).doesNotContain(fold.test(), fold.validation());
    }
    assertThat(tested).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(validated).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void aRotationIsTheDatasetsSplitKeys() {
    assertThat(new CrossValidation(10).rotations().get(9).settings()).containsExactly(
        "dataset.split.train=[2,3,4,5,6,7,8,9]", "dataset.split.validation=[1]", "dataset.split.test=[10]");
  }

  @Test
  void fewerThanThreeFoldsLeaveNothingToTrain() {
    assertThat(new CrossValidation(0).enabled()).isFalse();
    assertThat(new CrossValidation(0).rotations()).isEmpty();
    assertThatThrownBy(() -> new CrossValidation(2)).hasMessageContaining("at least 3 folds");
  }
}
