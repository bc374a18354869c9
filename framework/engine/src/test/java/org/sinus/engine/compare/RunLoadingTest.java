package org.sinus.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.eval.BootstrapSettings;
import org.sinus.engine.eval.Predictions;

/**
 * Reading runs' evaluations back and matching their records: rows in any order, and runs that cannot be
 * compared (other records, classes or labels, or no evaluation) refused with a message naming them.
 */
class RunLoadingTest {
  private static final String HEADER = "record_id,p_MI,p_NORM,y_MI,y_NORM";
  private static final List<String> ROWS = List.of("11,0.9,0.1,1,0", "12,0.2,0.8,0,1", "13,0.7,0.6,1,1",
      "14,0.4,0.3,0,0", "15,0.35,0.55,1,0", "16,0.05,0.95,0,1");

  @TempDir
  Path temp;

  @Test
  void recordsAreMatchedByIdWhateverTheRowOrder() throws IOException {
    List<String> shuffled = new ArrayList<>(ROWS);
    Collections.reverse(shuffled);
    Collections.swap(shuffled, 1, 4);
    RunPredictions a = RunPredictions.load(run("a", ROWS), "test");
    RunPredictions b = RunPredictions.load(run("b", shuffled), "test");
    assertThat(b.table().recordIds()).isNotEqualTo(a.table().recordIds());

    List<Predictions> matched = MatchedRecords.align(List.of("a", "b"), List.of(a.table(), b.table()), "test");
    for (int k = 0; k < 2; k++) {
      assertThat(matched.get(1).scores(k)).containsExactly(matched.get(0).scores(k));
      assertThat(matched.get(1).targets(k)).containsExactly(matched.get(0).targets(k));
    }
    assertThat(matched.get(0).score(2, 1)).isEqualTo(0.6f); // record 13, class NORM, as the file says
    Comparison comparison = RunComparison.compare("test", List.of(CompareFixtures.run("a", matched.get(0)),
        CompareFixtures.run("b", matched.get(1))), new BootstrapSettings(200, 0.95, 1));
    assertThat(comparison.difference("b").macroAuc().interval().width()).isZero();
    assertThat(a.thresholds().tunedOn()).isEqualTo("validation");
    assertThat(a.thresholds().get(1)).isEqualTo(0.55);
  }

  @Test
  void runsOnOtherRecordsAreRefusedNamingBoth() throws IOException {
    List<String> otherFold = new ArrayList<>(ROWS.subList(0, 5));
    otherFold.add("99,0.5,0.5,0,1");
    RunPredictions a = RunPredictions.load(run("fold10", ROWS), "test");
    RunPredictions b = RunPredictions.load(run("fold9", otherFold), "test");
    assertThatThrownBy(() -> MatchedRecords.align(List.of("fold10", "fold9"), List.of(a.table(), b.table()), "test"))
        .isInstanceOfSatisfying(SinusException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("runs fold10 and fold9 cannot be compared")
        .hasMessageContaining("different test records")
        .hasMessageContaining("1 (e.g. 16) only in fold10, 1 (e.g. 99) only in fold9");
  }

  @Test
  void runsOfOtherClassesOrLabelsAreRefusedNamingBoth() throws IOException {
    RunPredictions a = RunPredictions.load(run("superdiagnostic", ROWS), "test");
    Path other = run("form", List.of("11,0.9,0.1,1,0"));
    Files.writeString(other.resolve("evaluation/predictions-test.csv"), "record_id,p_MI,p_STTC,y_MI,y_STTC\n"
        + String.join("\n", ROWS) + "\n");
    Files.writeString(other.resolve("evaluation/thresholds.json"), thresholds("MI", "STTC"));
    RunPredictions b = RunPredictions.load(other, "test");
    assertThatThrownBy(() -> MatchedRecords.align(List.of("superdiagnostic", "form"), List.of(a.table(), b.table()), "test"))
        .hasMessageContaining("runs superdiagnostic and form cannot be compared")
        .hasMessageContaining("[MI, NORM] and [MI, STTC]");

    List<String> relabelled = new ArrayList<>(ROWS);
    relabelled.set(2, "13,0.7,0.6,0,1");
    RunPredictions c = RunPredictions.load(run("relabelled", relabelled), "test");
    assertThatThrownBy(() -> MatchedRecords.align(List.of("superdiagnostic", "relabelled"), List.of(a.table(), c.table()),
        "test"))
        .hasMessageContaining("runs superdiagnostic and relabelled cannot be compared")
        .hasMessageContaining("record 13 has class MI in superdiagnostic but not in relabelled");
  }

  @Test
  void aRunWithoutItsEvaluationSaysToEvaluateIt() throws IOException {
    Path unevaluated = run("unevaluated", ROWS);
    Files.delete(unevaluated.resolve("evaluation/predictions-test.csv"));
    assertThatThrownBy(() -> RunPredictions.load(unevaluated, "test"))
        .isInstanceOfSatisfying(SinusException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.RUN))
        .hasMessageContaining("run " + unevaluated + " has no evaluation/predictions-test.csv")
        .hasMessageContaining("sinus evaluate " + unevaluated + " --split test");
    assertThatThrownBy(() -> RunPredictions.load(temp.resolve("missing"), "test"))
        .isInstanceOfSatisfying(SinusException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.RUN))
        .hasMessageContaining("no run directory " + temp.resolve("missing"));
  }

  @Test
  void aDamagedPredictionsFileIsReportedWithItsLine() throws IOException {
    List<String> damaged = new ArrayList<>(ROWS);
    damaged.set(3, "14,0.4,x,0,0");
    Path run = run("damaged", damaged);
    assertThatThrownBy(() -> RunPredictions.load(run, "test"))
        .hasMessageContaining(run.resolve("evaluation/predictions-test.csv") + ":5: score of class NORM is 'x'");
    damaged.set(3, "11,0.4,0.3,0,0");
    Files.writeString(run.resolve("evaluation/predictions-test.csv"), HEADER + "\n" + String.join("\n", damaged) + "\n");
    assertThatThrownBy(() -> RunPredictions.load(run, "test")).hasMessageContaining(":5: record 11 again (first on line 2)");
  }

  @Test
  void theBaselineComesFirstAndARunGivenTwiceIsRefused() {
    Path a = Path.of("runs/a");
    Path b = Path.of("runs/b");
    Path c = Path.of("other/b");
    assertThat(ComparedRuns.ordered(List.of(a, b), b)).containsExactly(b, a);
    assertThat(ComparedRuns.labels(List.of(a, b, c))).containsExactly("a", "runs/b", "other/b");
    assertThatThrownBy(() -> ComparedRuns.ordered(List.of(a, b, Path.of("runs/./a")), null))
        .hasMessageContaining("run runs/./a is given twice");
  }

  /** A run directory with an experiment, test predictions in the given rows, and thresholds tuned on validation. */
  private Path run(String name, List<String> rows) throws IOException {
    Path run = Files.createDirectories(temp.resolve(name).resolve("evaluation"));
    Files.writeString(temp.resolve(name).resolve("experiment.conf"), "name = \"" + name + "\"\n");
    Files.writeString(run.resolve("predictions-test.csv"), HEADER + "\n" + String.join("\n", rows) + "\n");
    Files.writeString(run.resolve("thresholds.json"), thresholds("MI", "NORM"));
    return temp.resolve(name);
  }

  private static String thresholds(String first, String second) {
    return "{\n  \"source\": \"tuned per class on validation to maximise F1\",\n  \"tuned_on\": \"validation\",\n"
        + "  \"thresholds\": {\n    \"" + first + "\": 0.35,\n    \"" + second + "\": 0.55\n  }\n}\n";
  }
}
