package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.util.Json;

/**
 * The evaluator end to end on small splits: per-class results, macro averages, headlines with intervals,
 * the notes that explain every exclusion, and the JSON and Markdown renderings.
 */
class EvaluatorTest {
  // validation: 6 records × 2 classes; test: 4 records where HYP is positive in every record
  private static final Predictions VALIDATION = Predictions.of("validation", EvalFixtures.multiLabel("NORM", "HYP"),
      new float[] {0.9f, 0.8f, 0.7f, 0.2f, 0.4f, 0.6f, 0.3f, 0.7f, 0.2f, 0.1f, 0.8f, 0.3f},
      new boolean[] {true, true, true, false, false, true, false, false, false, false, true, false});
  private static final Predictions TEST = Predictions.of("test", EvalFixtures.multiLabel("NORM", "HYP"),
      new float[] {0.95f, 0.9f, 0.35f, 0.4f, 0.75f, 0.3f, 0.1f, 0.85f},
      new boolean[] {true, true, false, true, true, true, false, true});

  @Test
  void multiLabelReportOnTestWithThresholdsFromValidation() {
    // validation NORM: 0.9(P) 0.8(P) 0.7(P) 0.4(N) 0.3(N) 0.2(N) → threshold 0.7 (F1 1)
    // validation HYP: 0.8(P) 0.7(N) 0.6(P) 0.3(N) 0.2(N) 0.1(N) → t 0.8: 2/(1+0+2) = 2/3; 0.6: 4/(2+1+2) = 4/5 → 0.6
    Thresholds thresholds = ThresholdTuner.tune(VALIDATION);
    assertThat(thresholds.values()).containsExactly((double) 0.7f, (double) 0.6f);

    EvaluationReport report = new Evaluator(new BootstrapSettings(200, 0.95, 42)).evaluate(TEST, thresholds);
    // test NORM: 0.95(P) 0.75(P) 0.35(N) 0.1(N) → AUC 1, AP 1; at 0.7: TP 2 FP 0 TN 2 FN 0
    ClassResult norm = report.classResult("NORM");
    assertThat(norm.auc().get()).isEqualTo(1.0);
    assertThat(norm.averagePrecision().get()).isEqualTo(1.0);
    assertThat(norm.counts()).isEqualTo(new ConfusionCounts(2, 0, 2, 0));
    // test HYP: all positive → AUC undefined; AP 1; at 0.6: 0.9, 0.85 TP; 0.4, 0.3 FN → F1 4/6, accuracy 1/2
    ClassResult hyp = report.classResult("HYP");
    assertThat(hyp.auc().undefinedReason()).isEqualTo(
        "class HYP has no negative records in test (all 4 are positive); its AUC is undefined and left out of the macro average");
    assertThat(hyp.averagePrecision().get()).isEqualTo(1.0);
    assertThat(hyp.counts()).isEqualTo(new ConfusionCounts(2, 0, 0, 2));
    assertThat(hyp.f1().get()).isEqualTo(4 / 6.0);
    assertThat(hyp.accuracy()).isEqualTo(0.5);

    assertThat(report.macroAuc().value().get()).isEqualTo(1.0);
    assertThat(report.macroAuc().excluded()).containsOnlyKeys("HYP");
    assertThat(report.macroF1().value().get()).isCloseTo((1 + 4 / 6.0) / 2, within(1e-15));
    // exact match: r0 {NORM,HYP} right; r1 NORM right, HYP 0.4 missed; r2 HYP 0.3 missed; r3 right → 2/4
    assertThat(report.exactMatch()).isEqualTo(0.5);
    assertThat(report.argmax()).isNull();
    assertThat(report.headlines().stream().map(Headline::key).toList())
        .containsExactly(Evaluator.MACRO_AUC, Evaluator.MACRO_AP, Evaluator.MACRO_F1, Evaluator.EXACT_MATCH);
    Headline auc = report.headline(Evaluator.MACRO_AUC);
    assertThat(auc.interval()).isNotNull();
    assertThat(report.bootstrap().settings().resamples()).isEqualTo(200);
    assertThat(report.bootstrap().rejected()).isPositive(); // 4 records: resamples often lose NORM's positives or negatives
    assertThat(report.notes()).contains(hyp.auc().undefinedReason())
        .anyMatch(n -> n.startsWith("the bootstrap rejected and redrew " + report.bootstrap().rejected() + " resamples"));
  }

  @Test
  void jsonCarriesValuesNullsAndReasons() {
    EvaluationReport report = new Evaluator(new BootstrapSettings(50, 0.9, 1)).evaluate(TEST, ThresholdTuner.tune(VALIDATION));
    Config json = Json.parse(report.toJson());
    assertThat(json.getString("split")).isEqualTo("test");
    assertThat(json.getInt("records")).isEqualTo(4);
    assertThat(json.getDouble("headlines.macro_auc.value")).isEqualTo(1.0);
    assertThat(json.getDouble("headlines.macro_auc.ci_confidence")).isEqualTo(0.9);
    assertThat(json.hasPath("headlines.macro_f1.ci_lower")).isTrue();
    Config hyp = json.getConfigList("classes").get(1);
    assertThat(hyp.getString("name")).isEqualTo("HYP");
    assertThat(hyp.getIsNull("auc")).isTrue();
    assertThat(hyp.getString("undefined.auc")).contains("no negative records in test");
    assertThat(hyp.getLong("fn")).isEqualTo(2);
    assertThat(json.getStringList("macro.auc.included")).containsExactly("NORM");
    assertThat(json.getString("macro.auc.excluded.HYP")).contains("left out of the macro average");
    assertThat(json.getString("thresholds.tuned_on")).isEqualTo("validation");
    assertThat(json.getInt("bootstrap.rejected")).isEqualTo(report.bootstrap().rejected());
  }

  @Test
  void markdownHasHeadlinesTableAndNotes() {
    EvaluationReport report = new Evaluator(BootstrapSettings.off()).evaluate(TEST, ThresholdTuner.tune(VALIDATION));
    String md = report.toMarkdown();
    assertThat(md).startsWith("# Evaluation: test\n\nTask test-task (multi-label), 4 records, 2 classes.\n\n")
        .contains("- macro AUC 1.0000\n")
        .contains("- exact-match accuracy 0.5000\n")
        .contains("Thresholds: tuned per class on validation to maximise F1.\n")
        .contains("Bootstrap: off (no confidence intervals).\n")
        .contains("| class | positives | AUC | AP | F1 | threshold | accuracy | TP | FP | TN | FN |\n")
        .contains("| NORM | 2 | 1.0000 | 1.0000 | 1.0000 | 0.7000 | 1.0000 | 2 | 0 | 2 | 0 |\n")
        .contains("| HYP | 4 | – | 1.0000 | 0.6667 | 0.6000 | 0.5000 | 2 | 0 | 0 | 2 |\n")
        .contains("## Notes\n\n- class HYP has no negative records in test");
  }

  @Test
  void headlineLineShowsTheInterval() {
    Headline headline = new Headline("macro_auc", "macro AUC", MetricValue.of(0.875),
        new ConfidenceInterval(0.83691, 0.90489, 0.95, 0));
    assertThat(ReportMarkdown.headlineLine(headline)).isEqualTo("macro AUC 0.8750 (95% CI 0.8369–0.9049)");
    Headline undefined = new Headline("macro_auc", "macro AUC", MetricValue.undefined("no class has a defined AUC"), null);
    assertThat(ReportMarkdown.headlineLine(undefined)).isEqualTo("macro AUC undefined (no class has a defined AUC)");
  }

  @Test
  void singleLabelReportAddsArgmaxResults() {
    Predictions p = Predictions.ofClassIndices("test", EvalFixtures.singleLabel("A", "B", "C"),
        ArgmaxMetricsTest.PROBS, ArgmaxMetricsTest.TRUTH);
    EvaluationReport report = new Evaluator(new BootstrapSettings(100, 0.95, 42))
        .evaluate(p, Thresholds.fixed(p.classes(), 0.5));
    // sklearn: accuracy 0.5, macro F1 0.4904761904761905; one-vs-rest AUCs [0.5417, 0.8125, 0.5417]
    assertThat(report.argmax().accuracy()).isEqualTo(0.5);
    assertThat(report.headline(Evaluator.ARGMAX_MACRO_F1).value().get()).isCloseTo(0.4904761904761905, within(1e-15));
    assertThat(report.headline(Evaluator.ARGMAX_ACCURACY).interval()).isNotNull();
    assertThat(report.classes().stream().map(c -> c.auc().get()).toList())
        .containsExactly(0.5416666666666666, 0.8125, 0.5416666666666666);
    assertThat(report.toMarkdown()).contains("## Argmax predictions\n\nAccuracy 0.5000, macro F1 0.4905.")
        .contains("| | A | B | C |\n|---|---:|---:|---:|\n")
        .contains("| B | 2 | 2 | 0 |\n");
    assertThat(Json.parse(report.toJson()).getDouble("argmax.accuracy")).isEqualTo(0.5);
  }

  @Test
  void notesNameEveryExcludedClassAndNoBootstrapNoteWithoutRejection() {
    // class C is never true and, at a threshold of 0.9, never predicted: AUC, AP and F1 are undefined;
    // argmax never picks C either, so its argmax F1 is undefined too
    float[] probs = new float[30];
    int[] truth = new int[10];
    for (int i = 0; i < 10; i++) {
      truth[i] = i % 2;
      probs[3 * i] = truth[i] == 0 ? 0.6f + i / 100f : 0.3f;
      probs[3 * i + 1] = 0.9f - probs[3 * i];
      probs[3 * i + 2] = 0.1f;
    }
    Predictions p = Predictions.ofClassIndices("test", EvalFixtures.singleLabel("A", "B", "C"), probs, truth);
    EvaluationReport report = new Evaluator(new BootstrapSettings(20, 0.95, 42))
        .evaluate(p, Thresholds.given(p.classes(), 0.5, 0.5, 0.9));
    assertThat(report.notes()).contains(
        report.macroAuc().excluded().get("C"),
        report.macroAveragePrecision().excluded().get("C"),
        report.macroF1().excluded().get("C"),
        report.argmax().macroF1().excluded().get("C"));
    assertThat(report.macroAveragePrecision().excluded().get("C")).contains("no positive records");
    assertThat(report.argmax().macroF1().excluded().get("C")).contains("argmax macro F1");
    // A and B are half the records each: no resample loses either, nothing is rejected, and no note says so
    assertThat(report.bootstrap().rejected()).isZero();
    assertThat(report.notes()).noneMatch(n -> n.contains("bootstrap"));
  }

  @Test
  void unknownHeadlinesAndClassesAreNamedWithWhatThereIs() {
    EvaluationReport report = new Evaluator(BootstrapSettings.off()).evaluate(TEST, ThresholdTuner.tune(VALIDATION));
    assertThatThrownBy(() -> report.headline("macro_xyz")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no headline 'macro_xyz'; have [macro_auc, macro_ap, macro_f1, exact_match_accuracy]");
    assertThatThrownBy(() -> report.classResult("MI")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no class 'MI'; have [NORM, HYP]");
  }

  @Test
  void thresholdsTunedOnTestAreRefused() {
    Thresholds leaky = ThresholdTuner.tune(TEST);
    assertThatThrownBy(() -> new Evaluator(BootstrapSettings.off()).evaluate(TEST, leaky))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the thresholds for test were tuned on test, which leaks test labels into the reported F1; "
            + "tune them on validation");
  }

  @Test
  void evaluatingTheTuningSplitSaysItIsOptimistic() {
    EvaluationReport report = new Evaluator(BootstrapSettings.off()).evaluate(VALIDATION, ThresholdTuner.tune(VALIDATION));
    assertThat(report.notes()).contains("thresholds were tuned on validation itself, so its F1 and accuracies are optimistic");
    assertThat(report.bootstrap()).isNull();
    assertThat(report.headlines()).allMatch(h -> h.interval() == null);
    assertThat(List.of(report.classes().get(0).threshold())).containsExactly((double) 0.7f);
  }
}
