package org.sinus.engine.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The compared runs grouped by experiment: runs with the same experiment name and the same settings
 * apart from the seed ({@link RunExperiment#sameExperiment}) are seeds of one experiment. Groups, and the
 * runs in each, keep the order in which the runs were given.
 */
final class SeedGroups {
  private final List<List<Integer>> groups;
  private final int[] groupOf;

  private SeedGroups(List<List<Integer>> groups, int[] groupOf) {
    this.groups = groups;
    this.groupOf = groupOf;
  }

  /** Groups runs by experiment; each list holds indices into {@code experiments}. */
  static SeedGroups of(List<RunExperiment> experiments) {
    List<List<Integer>> groups = new ArrayList<>();
    int[] groupOf = new int[experiments.size()];
    for (int run = 0; run < experiments.size(); run++) {
      int found = -1;
      for (int g = 0; g < groups.size() && found < 0; g++) {
        if (experiments.get(groups.get(g).get(0)).sameExperiment(experiments.get(run))) {
          found = g;
        }
      }
      if (found < 0) {
        found = groups.size();
        groups.add(new ArrayList<>());
      }
      groups.get(found).add(run);
      groupOf[run] = found;
    }
    return new SeedGroups(groups.stream().map(List::copyOf).toList(), groupOf);
  }

  /** Every group, a single run being a group of one. */
  List<List<Integer>> all() {
    return groups;
  }

  /** The index of the group that holds {@code run}. */
  int groupOf(int run) {
    return groupOf[run];
  }

  /**
   * Sentences for the report: runs that share an experiment name but not its settings (naming the
   * settings that differ), which are therefore not pooled, and seeds that repeat within a group.
   */
  List<String> notes(List<String> labels, List<RunExperiment> experiments) {
    List<String> notes = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      RunExperiment first = experiments.get(groups.get(g).get(0));
      for (int h = g + 1; h < groups.size(); h++) {
        RunExperiment other = experiments.get(groups.get(h).get(0));
        if (first.name().equals(other.name())) {
          List<String> differing = first.differingSettings(other);
          notes.add("runs " + labels.get(groups.get(g).get(0)) + " and " + labels.get(groups.get(h).get(0))
              + " are both of experiment " + first.name() + " but differ in " + shortList(differing)
              + ", so they are not pooled as seeds of one experiment");
        }
      }
      List<Long> seeds = new ArrayList<>();
      for (int run : groups.get(g)) {
        long seed = experiments.get(run).seed();
        if (seeds.contains(seed)) {
          notes.add("run " + labels.get(run) + " repeats seed " + seed + " of experiment " + first.name()
              + " (a copy, or a run trained twice?); the mean over seeds counts it twice");
        }
        seeds.add(seed);
      }
    }
    return notes;
  }

  private static String shortList(List<String> keys) {
    if (keys.size() <= 5) {
      return String.join(", ", keys);
    }
    return String.join(", ", keys.subList(0, 5)) + " and " + (keys.size() - 5) + " more settings";
  }
}
