package org.sinus.api.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sinus.api.plugin.ComponentConfig;

/**
 * Assigns records to train, validation and test by their fold, e.g. PTB-XL's recommended
 * {@code split { train = [1, 2, 3, 4, 5, 6, 7, 8], validation = [9], test = [10] }}.
 * A fold may belong to one split only; folds not named are left out of the experiment.
 */
public final class FoldSplit {
  private final Map<Split, List<Integer>> folds;
  private final Map<Integer, Split> byFold = new HashMap<>();

  public FoldSplit(Map<Split, List<Integer>> folds) {
    this.folds = new EnumMap<>(folds);
    folds.forEach((split, list) -> list.forEach(f -> byFold.put(f, split)));
  }

  /** Reads a {@code split} block with {@code train}, {@code validation} and {@code test} fold lists. */
  public static FoldSplit read(ComponentConfig config) {
    Map<Split, List<Integer>> folds = new EnumMap<>(Split.class);
    Map<Integer, Split> seen = new HashMap<>();
    for (Split split : Split.values()) {
      List<Integer> list = config.getIntList(split.id(), 1, 1_000_000);
      for (int fold : list) {
        Split other = seen.putIfAbsent(fold, split);
        if (other != null && other != split) {
          config.problem(split.id(), "fold " + fold + " is in both " + other.id() + " and " + split.id()
              + "; a fold may belong to one split only");
        }
      }
      folds.put(split, list);
    }
    if (folds.get(Split.TRAIN).isEmpty()) {
      config.problem(Split.TRAIN.id(), "no training folds");
    }
    return new FoldSplit(folds);
  }

  public Optional<Split> splitOf(int fold) {
    return Optional.ofNullable(byFold.get(fold));
  }

  public List<Integer> folds(Split split) {
    return folds.get(split);
  }

  /** Indices of the records in each split, in record order. */
  public Map<Split, int[]> assign(List<RecordInfo> records) {
    Map<Split, List<Integer>> lists = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      lists.put(split, new ArrayList<>());
    }
    for (int i = 0; i < records.size(); i++) {
      int index = i;
      splitOf(records.get(i).fold()).ifPresent(s -> lists.get(s).add(index));
    }
    Map<Split, int[]> result = new EnumMap<>(Split.class);
    lists.forEach((split, list) -> result.put(split, list.stream().mapToInt(Integer::intValue).toArray()));
    return result;
  }

  @Override
  public String toString() {
    return "train " + folds.get(Split.TRAIN) + ", validation " + folds.get(Split.VALIDATION) + ", test " + folds.get(Split.TEST);
  }
}
