package org.sinus.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.SinusException;
import org.sinus.api.util.Json;
import org.sinus.engine.eval.BootstrapSettings;

/**
 * A sweep aggregated from a sweep directory written as {@code sinus sweep} writes it: 2 points × 2 seeds ×
 * 3 folds of 10 records each, with scores on a different scale in each fold, so that the AUC of the pooled
 * out-of-fold predictions differs from the mean of the folds' AUCs.
 */
class SweepAggregationTest {
  private static final BootstrapSettings SETTINGS = new BootstrapSettings(300, 0.95, 7);
  private static final List<String> POINTS = List.of("model.filters=8", "model.filters=16");
  private static final int RECORDS = 30;

  @TempDir
  Path sweep;

  private static boolean label(int record, int k) {
    return (record * 7 + k * 3) % 5 < 2;
  }

  /** Scores in hundredths: the point's separation for a positive, plus integer noise, plus the fold's offset. */
  private static String score(int point, int seed, int record, int k) {
    int separation = point == 0 ? 20 : 45;
    int offset = new int[] {0, 7, 15}[record / 10];
    int hundredths = (label(record, k) ? separation : 0) + (record * 37 + k * 11 + seed * 13 + point * 5) % 40 + offset;
    return String.format(java.util.Locale.ROOT, "%.2f", hundredths / 100.0);
  }

  private void writeRun(String run, int point, int seed, int fold, List<Integer> records) throws IOException {
    StringBuilder csv = new StringBuilder("record_id,p_A,p_B,y_A,y_B\n");
    for (int r : records) {
      csv.append("rec-").append(r).append(',').append(score(point, seed, r, 0)).append(',')
          .append(score(point, seed, r, 1)).append(',').append(label(r, 0) ? 1 : 0).append(',')
          .append(label(r, 1) ? 1 : 0).append('\n');
    }
    Path evaluation = sweep.resolve("runs").resolve(run).resolve("evaluation");
    Files.createDirectories(evaluation);
    Files.writeString(evaluation.resolve("predictions-test.csv"), csv.toString());
    // each fold's own thresholds, as if tuned on its own validation fold (3 decimals: no score ties one)
    Files.writeString(evaluation.resolve("thresholds.json"), String.format(java.util.Locale.ROOT,
        "{\"source\": \"tuned\", \"tuned_on\": \"validation\", \"thresholds\": {\"A\": %.3f, \"B\": %.3f}}",
        0.205 + 0.07 * fold, 0.255 + 0.05 * fold));
  }

  private static Map<String, Object> entry(String id, String point, List<String> settings, String state, String run) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    entry.put("point", point);
    entry.put("settings", settings);
    entry.put("state", state);
    entry.put("attempts", 1);
    entry.put("error", state.equals("failed") ? "it broke" : null);
    entry.put("run", run);
    return entry;
  }

  /** Writes every run and a sweep.json as SweepState writes it; {@code foldOf} says which test fold holds a record. */
  private void writeSweep(java.util.function.IntUnaryOperator foldOf) throws IOException {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (int p = 0; p < POINTS.size(); p++) {
      for (int seed = 1; seed <= 2; seed++) {
        for (int fold = 1; fold <= 3; fold++) {
          int testFold = fold;
          List<Integer> records = java.util.stream.IntStream.range(0, RECORDS)
              .filter(r -> foldOf.applyAsInt(r) == testFold).boxed().toList();
          String run = "run-" + p + "-" + seed + "-" + fold;
          writeRun(run, p, seed, fold, records);
          int validation = fold % 3 + 1;
          List<String> settings = List.of(POINTS.get(p), "seed=" + seed,
              "dataset.split.train=[" + (6 - fold - validation) + "]", "dataset.split.validation=[" + validation + "]",
              "dataset.split.test=[" + fold + "]");
          entries.add(entry("id" + entries.size(), POINTS.get(p) + ", seed=" + seed + ", test fold " + fold, settings,
              "completed", "runs/" + run));
        }
      }
    }
    entries.add(entry("idfailed", "model.filters=999, seed=1, test fold 1",
        List.of("model.filters=999", "seed=1", "dataset.split.test=[1]"), "failed", null));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sweep", "grid");
    json.put("file", "/somewhere/grid.conf");
    json.put("experiment", "/somewhere/base.conf");
    json.put("updated", "2026-12-02T21:00:00Z");
    json.put("points", entries);
    Files.writeString(sweep.resolve(SweepRuns.FILE), Json.pretty(json));
  }

  @Test
  void poolsEveryFoldsOutOfFoldPredictionsAndPairsPointsBySeed() throws IOException {
    writeSweep(record -> record / 10 + 1);

    SweepComparison comparison = SweepAggregation.compare(SweepRuns.read(sweep), "test", SETTINGS);

    assertThat(comparison.folds()).isEqualTo(3);
    assertThat(comparison.records()).isEqualTo(RECORDS);
    // Expected values: the Mann-Whitney statistic (the ROC AUC, ties counted half) of the 30 pooled records
    // per class, averaged over A and B, computed with numpy; the mean of the three folds' own AUCs would be
    // 0.9028 for the first (the folds' offsets shift whole folds against each other).
    assertThat(comparison.pooled("model.filters=8", "1").macroAuc().value()).isCloseTo(0.8576388889, within(1e-9));
    assertThat(comparison.pooled("model.filters=8", "2").macroAuc().value()).isCloseTo(0.8611111111, within(1e-9));
    assertThat(comparison.pooled("model.filters=16", "1").macroAuc().value()).isCloseTo(0.9953703704, within(1e-9));
    assertThat(comparison.pooled("model.filters=8", "1").folds()).isEqualTo(3);
    PointResult baseline = comparison.points().get(0);
    assertThat(baseline.point()).isEqualTo("model.filters=8");
    assertThat(baseline.seeds()).containsExactly("1", "2");
    assertThat(baseline.meanAuc().value()).isCloseTo(0.859375, within(1e-9));
    assertThat(baseline.sdAuc()).isCloseTo(0.0024552319, within(1e-9));
    assertThat(baseline.meanAuc().interval().lower()).isLessThan(0.859375);

    Difference better = comparison.difference("model.filters=16", "1").macroAuc();
    assertThat(better.value()).isCloseTo(0.9953703704 - 0.8576388889, within(1e-9));
    assertThat(better.interval().lower()).as("16 filters separate far better on every resample").isPositive();
    assertThat(better.shareBetter()).isEqualTo(1.0);
    assertThat(comparison.differences()).hasSize(2);
    assertThat(comparison.meanDifferences()).singleElement()
        .satisfies(d -> assertThat(d.meanAuc().value()).isCloseTo(0.9942129630 - 0.859375, within(1e-9)));
    assertThat(comparison.notes()).anyMatch(n -> n.contains("1 run is failed"))
        .anyMatch(n -> n.contains("pooled (no record is in more than one test fold, checked)") && n.contains("30 out-of-fold"))
        .anyMatch(n -> n.startsWith("macro F1 is that of the pooled yes/no decisions"));
    // macro F1 of the 30 pooled decisions, each fold's at its own thresholds (numpy; the mean of the folds'
    // own macro F1 would be 0.7604, 0.7028 and 0.8545)
    assertThat(comparison.pooled("model.filters=8", "1").macroF1().value()).isCloseTo(0.7528571429, within(1e-9));
    assertThat(comparison.pooled("model.filters=8", "2").macroF1().value()).isCloseTo(0.7037037037, within(1e-9));
    assertThat(comparison.pooled("model.filters=16", "1").macroF1().value()).isCloseTo(0.8423645320, within(1e-9));

    String markdown = comparison.toMarkdown();
    assertThat(markdown).contains("3-fold cross-validation").contains("| model.filters=8 (baseline) | 1 | 3 | 0.8576 (")
        .contains("| model.filters=8 | 1, 2 | 0.8594 ± 0.0025 |").contains("| model.filters=16, seed 1 | +0.1377 |");
    Path out = sweep.resolve("comparisons/c");
    List<Path> written = ComparisonFiles.write(comparison, out);
    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("comparison.md", "comparison.json", "forest.png", "report.html");
    java.awt.image.BufferedImage forest = javax.imageio.ImageIO.read(out.resolve("forest.png").toFile());
    assertThat(forest.getWidth()).isPositive();
    assertThat(Files.readString(out.resolve("comparison.md"))).contains("](forest.png)");
    assertThat(Json.parse(Files.readString(out.resolve("comparison.json"))).getConfigList("pooled").get(0)
        .getDouble("macro_auc.value")).isCloseTo(0.8576388889, within(1e-9));
    assertThat(Files.readString(out.resolve("report.html"))).contains("Paired differences from the baseline point");
  }

  @Test
  void theBaselinePointCanBeNamedByAPartOfItsLabel() throws IOException {
    writeSweep(record -> record / 10 + 1);

    SweepComparison comparison = SweepAggregation.compare(SweepRuns.read(sweep), "test", SETTINGS, "=16");

    assertThat(comparison.points()).extracting(PointResult::point).containsExactly("model.filters=16", "model.filters=8");
    Difference worse = comparison.difference("model.filters=8", "1").macroAuc();
    assertThat(worse.value()).isCloseTo(0.8576388889 - 0.9953703704, within(1e-9));
    assertThat(comparison.toMarkdown()).contains("Baseline point: model.filters=16.");
    assertThatThrownBy(() -> SweepAggregation.compare(SweepRuns.read(sweep), "test", SETTINGS, "model.filters"))
        .isInstanceOf(SinusException.class).hasMessageContaining("--baseline model.filters is in the labels of 2 "
            + "compared grid points; give more of one label; the points are: model.filters=8; model.filters=16");
    assertThatThrownBy(() -> SweepAggregation.compare(SweepRuns.read(sweep), "test", SETTINGS, "32"))
        .hasMessageContaining("--baseline 32 is not in the label of any compared grid point");
  }

  @Test
  void aRecordInTwoTestFoldsIsRefusedNamingItAndBothRuns() throws IOException {
    writeSweep(record -> record == 10 ? 1 : record / 10 + 1);
    Files.writeString(sweep.resolve("runs/run-0-1-2/evaluation/predictions-test.csv"),
        "rec-10,0.5,0.5,1,0\n", java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> SweepAggregation.compare(SweepRuns.read(sweep), "test", SETTINGS))
        .isInstanceOf(SinusException.class).hasMessageContaining("record rec-10 is a test record of both")
        .hasMessageContaining("run-0-1-1").hasMessageContaining("run-0-1-2");
  }

  @Test
  void aPointMissingAFoldIsLeftOutAndSaidSo() throws IOException {
    writeSweep(record -> record / 10 + 1);
    String json = Files.readString(sweep.resolve(SweepRuns.FILE));
    Files.writeString(sweep.resolve(SweepRuns.FILE), json.replaceFirst("\"state\"\\s*:\\s*\"completed\"", "\"state\": \"running\""));

    SweepComparison comparison = SweepAggregation.compare(SweepRuns.read(sweep), "test", SETTINGS);

    assertThat(comparison.pooled()).hasSize(3);
    assertThat(comparison.notes()).anyMatch(n -> n.contains("model.filters=8, seed 1 is left out")
        && n.contains("2 of the 3 test folds (missing [[1]])"));
    assertThat(comparison.differences()).extracting(PointDifference::seed).containsExactly("2");
    assertThat(comparison.notes()).anyMatch(n -> n.contains("seed 1 has no baseline run"));
  }

  @Test
  void aSweepWithoutACompletedRunIsRefusedSayingWhy() throws IOException {
    writeSweep(record -> record / 10 + 1);
    String json = Files.readString(sweep.resolve(SweepRuns.FILE));
    Files.writeString(sweep.resolve(SweepRuns.FILE), json.replaceAll("\"state\"\\s*:\\s*\"completed\"",
        "\"state\": \"pending\""));

    assertThatThrownBy(() -> SweepAggregation.compare(SweepRuns.read(sweep), "test", SETTINGS))
        .isInstanceOf(SinusException.class).hasMessageContaining("has no completed run to compare")
        .hasMessageContaining("12 runs are pending").hasMessageContaining("1 run is failed");
  }
}
