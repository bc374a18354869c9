package org.sinus.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * k-fold cross-validation over a dataset's folds 1..n: in rotation k the test fold is k, the next fold
 * ({@code k mod n + 1}) validates and the rest train. Each rotation is written as the dataset's
 * {@code split { train, validation, test }}, the keys the shipped experiments use.
 *
 * @param folds n, at least 3 (so that something trains), or 0 for no cross-validation
 */
public record CrossValidation(int folds) {
  /** The smallest number of folds that leaves a fold to train on. */
  public static final int MIN_FOLDS = 3;

  /** One rotation: which folds train, validate and test. */
  public record Fold(List<Integer> train, int validation, int test) {
    /** The overrides that select this rotation's folds. */
    public List<String> settings() {
      return List.of("dataset.split.train=" + train.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")),
          "dataset.split.validation=[" + validation + "]", "dataset.split.test=[" + test + "]");
    }

    public String label() {
      return "test fold " + test;
    }
  }

  public CrossValidation {
    if (folds != 0 && folds < MIN_FOLDS) {
      throw new IllegalArgumentException("cross-validation needs at least " + MIN_FOLDS + " folds, not " + folds);
    }
  }

  public boolean enabled() {
    return folds > 0;
  }

  /** The n rotations, test fold 1 first. */
  public List<Fold> rotations() {
    List<Fold> rotations = new ArrayList<>();
    for (int test = 1; test <= folds; test++) {
      int validation = test % folds + 1;
      int testFold = test;
      List<Integer> train = IntStream.rangeClosed(1, folds).filter(f -> f != testFold && f != validation)
          .boxed().toList();
      rotations.add(new Fold(train, validation, test));
    }
    return rotations;
  }
}
