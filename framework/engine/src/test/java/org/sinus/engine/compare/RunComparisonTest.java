package org.sinus.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sinus.engine.compare.CompareFixtures.predictions;
import static org.sinus.engine.compare.CompareFixtures.run;
import static org.sinus.engine.compare.CompareFixtures.scores;
import static org.sinus.engine.compare.CompareFixtures.targets;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinus.api.data.LabelSpace;
import org.sinus.engine.eval.Bootstrap;
import org.sinus.engine.eval.BootstrapSettings;
import org.sinus.engine.eval.ConfidenceInterval;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.RocAuc;

/** The paired comparison of runs on fixed data: differences, their intervals and how often a run is better. */
class RunComparisonTest {
  private static final BootstrapSettings SETTINGS = new BootstrapSettings(500, 0.95, 7);
  private static final boolean[] TARGETS = targets(400, 1);

  @Test
  void identicalPredictionsDifferByExactlyZero() {
    float[] scores = scores(TARGETS, 1.5, 2, 3, 0.5);
    Comparison comparison = RunComparison.compare("test", List.of(run("a", predictions(scores, TARGETS)),
        run("b", predictions(scores.clone(), TARGETS))), SETTINGS);

    Difference difference = comparison.difference("b").macroAuc();
    assertThat(difference.value()).isZero();
    assertThat(difference.interval().lower()).isZero();
    assertThat(difference.interval().upper()).isZero();
    assertThat(difference.shareBetter()).isZero();
    assertThat(difference.shareTied()).isEqualTo(1.0);
    assertThat(comparison.difference("b").classAuc().values())
        .hasSize(3).allSatisfy(d -> assertThat(d.interval().width()).isZero());
    assertThat(comparison.run("b").macroAuc()).isEqualTo(comparison.run("a").macroAuc());
  }

  @Test
  void aConstantShiftOfTheScoresKeepsTheAuc() {
    // scores on a grid of 1/64 shifted by 1/4 stay exact in float, so the ranking is the same
    float[] scores = scores(TARGETS, 1.5, 2, 3, 0.5);
    float[] shifted = new float[scores.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = Math.round(scores[i] * 32) / 64f;
      shifted[i] = scores[i] + 0.25f;
    }
    Comparison comparison = RunComparison.compare("test", List.of(run("a", predictions(scores, TARGETS)),
        run("shifted", predictions(shifted, TARGETS))), SETTINGS);

    Difference difference = comparison.difference("shifted").macroAuc();
    assertThat(difference.value()).isZero();
    assertThat(difference.interval().lower()).isZero();
    assertThat(difference.interval().upper()).isZero();
    assertThat(comparison.run("shifted").macroAuc().value()).isEqualTo(comparison.run("a").macroAuc().value())
        .isBetween(0.7, 0.95);
    // the F1 at 0.5 does change: the comparison sees the runs as different runs
    assertThat(comparison.run("shifted").macroF1().value()).isNotEqualTo(comparison.run("a").macroF1().value());
  }

  @Test
  void aStrictlyBetterRunHasAPositiveDifferenceWhoseIntervalExcludesZero() {
    float[] scores = scores(TARGETS, 1.0, 2, 3, 0.5);
    float[] better = scores.clone();
    for (int i = 0; i < better.length; i++) {
      better[i] += TARGETS[i] ? 0.2f : 0f; // every positive moves up: no pair is ranked worse, many better
    }
    Predictions a = predictions(scores, TARGETS);
    Predictions b = predictions(better, TARGETS);
    Comparison comparison = RunComparison.compare("test", List.of(run("a", a), run("better", b)), SETTINGS);

    Difference difference = comparison.difference("better").macroAuc();
    assertThat(difference.value()).isEqualTo(RocAuc.macro(b).value().get() - RocAuc.macro(a).value().get())
        .isGreaterThan(0.03);
    assertThat(difference.interval().lower()).isPositive();
    assertThat(difference.interval().contains(difference.value())).isTrue();
    assertThat(difference.shareBetter()).isEqualTo(1.0);
    assertThat(comparison.difference("better").classAuc().values()).allSatisfy(d -> assertThat(d.interval().lower()).isPositive());
    assertThat(comparison.toMarkdown()).contains("| better | +" + String.format(Locale.ROOT, "%.4f",
        difference.value()) + " | ").contains("| 100.0% |");
  }

  @Test
  void thePairedIntervalIsNarrowerThanTwoIndependentBootstraps() {
    // two runs sharing most of their noise: they err on the same records
    Predictions a = predictions(scores(TARGETS, 1.5, 2, 3, 0.3), TARGETS);
    Predictions b = predictions(scores(TARGETS, 1.6, 2, 4, 0.3), TARGETS);
    ConfidenceInterval paired = RunComparison.compare("test", List.of(run("a", a), run("b", b)), SETTINGS)
        .difference("b").macroAuc().interval();

    double[] alone = new Bootstrap(SETTINGS).sample(a, Map.of("auc", RocAuc.macroMetric(a))).values("auc");
    double[] other = new Bootstrap(new BootstrapSettings(500, 0.95, 8)).sample(b, Map.of("auc", RocAuc.macroMetric(b)))
        .values("auc");
    double[] unpairedDifferences = new double[alone.length];
    for (int r = 0; r < alone.length; r++) {
      unpairedDifferences[r] = other[r] - alone[r];
    }
    ConfidenceInterval unpaired = Bootstrap.interval(unpairedDifferences, 0.95);

    assertThat(paired.width()).isPositive().isLessThan(unpaired.width() / 2);
  }

  @Test
  void theResamplesAreThoseOfTheEnginesBootstrap() {
    // the baseline's own interval in the comparison is the one sinus evaluate reports with the same seed
    Predictions a = predictions(scores(TARGETS, 1.5, 2, 3, 0.5), TARGETS);
    Predictions b = predictions(scores(TARGETS, 1.0, 5, 6, 0.5), TARGETS);
    Comparison comparison = RunComparison.compare("test", List.of(run("a", a), run("b", b)), SETTINGS);
    assertThat(comparison.run("a").macroAuc().interval())
        .isEqualTo(new Bootstrap(SETTINGS).run(a, Map.of("auc", RocAuc.macroMetric(a))).interval("auc"));
    assertThat(comparison.run("b").macroAuc().interval())
        .isEqualTo(new Bootstrap(SETTINGS).run(a, Map.of("auc", RocAuc.macroMetric(b))).interval("auc"));
  }

  @Test
  void seedsOfOneExperimentArePooledIntoMeanAndStandardDeviation() {
    // one class, four positives and four negatives (0.2, 0.4, 0.6, 0.8): the lowest positive decides the AUC
    boolean[] targets = {true, true, true, true, false, false, false, false};
    Predictions auc1216 = oneClass(targets, 0.1f);   // 12 of 16 pairs right: 0.75
    Predictions auc1316 = oneClass(targets, 0.3f);   // 13 of 16: 0.8125
    Predictions auc1416 = oneClass(targets, 0.5f);   // 14 of 16: 0.875
    Map<String, Object> settings = Map.of("model.filters", 64);
    Comparison comparison = RunComparison.compare("test", List.of(
        run("base", new RunExperiment("other", 1, settings), auc1216),
        run("s1", new RunExperiment("exp", 1, settings), auc1216),
        run("s2", new RunExperiment("exp", 2, settings), auc1316),
        run("s3", new RunExperiment("exp", 3, settings), auc1416),
        run("wider", new RunExperiment("exp", 4, Map.of("model.filters", 128)), auc1416)), SETTINGS);

    assertThat(comparison.groups()).hasSize(1);
    GroupResult group = comparison.groups().get(0);
    assertThat(group.runs()).containsExactly("s1", "s2", "s3");
    assertThat(group.seeds()).containsExactly(1L, 2L, 3L);
    // mean (0.75 + 0.8125 + 0.875) / 3 = 0.8125; deviations -1/16, 0, 1/16: sd sqrt((2/256) / 2) = 1/16
    assertThat(group.meanAuc().value()).isCloseTo(0.8125, within(1e-12));
    assertThat(group.sdAuc()).isCloseTo(0.0625, within(1e-12));
    assertThat(group.holdsBaseline()).isFalse();
    assertThat(group.meanAuc().interval().contains(0.8125)).isTrue();

    GroupDifference difference = comparison.groupDifferences().get(0);
    assertThat(difference.baseline()).isEqualTo("base");
    assertThat(difference.meanAuc().value()).isCloseTo(0.0625, within(1e-12));
    assertThat(comparison.notes()).anySatisfy(note -> assertThat(note)
        .contains("s1 and wider are both of experiment exp but differ in model.filters"));
  }

  @Test
  void theStandardDeviationIsTheSampleOne() {
    assertThat(RunComparison.standardDeviation(new double[] {2, 4, 4, 4, 5, 5, 7, 9}))
        .isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    assertThat(RunComparison.standardDeviation(new double[] {0.8})).isNaN();
  }

  private static Predictions oneClass(boolean[] targets, float lowestPositive) {
    float[] scores = {0.9f, 0.9f, 0.9f, lowestPositive, 0.2f, 0.4f, 0.6f, 0.8f};
    return Predictions.of("test", new LabelSpace("task", List.of("MI"), true), scores, targets);
  }
}
