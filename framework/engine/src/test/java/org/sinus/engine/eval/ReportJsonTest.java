package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every number of a report reaches its JSON under the documented key (per-class rates, thresholds, argmax
 * counts, macro values, interval details), and an {@code undefined} reason appears only beside a value
 * that is undefined.
 */
class ReportJsonTest {
  private static final Predictions P = Predictions.ofClassIndices("test", EvalFixtures.singleLabel("A", "B", "C"),
      ArgmaxMetricsTest.PROBS, ArgmaxMetricsTest.TRUTH);
  private static final EvaluationReport REPORT = new Evaluator(new BootstrapSettings(50, 0.9, 1))
      .evaluate(P, Thresholds.given(P.classes(), 0.5, 0.45, 0.35));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void classEntriesCarryEveryRateAndNoUndefinedWhenAllAreDefined() {
    ClassResult a = REPORT.classResult("A");
    Map<String, Object> entry = map(((List<?>) ReportJson.toMap(REPORT).get("classes")).get(0));
    assertThat(entry).contains(entry("name", "A"), entry("auc", a.auc().get()),
        entry("average_precision", a.averagePrecision().get()), entry("precision", a.precision().get()),
        entry("recall", a.recall().get()), entry("f1", a.f1().get()), entry("threshold", 0.5),
        entry("tp", a.counts().tp()), entry("fp", a.counts().fp()), entry("tn", a.counts().tn()),
        entry("fn", a.counts().fn()));
    assertThat(entry).doesNotContainKey("undefined");
  }

  @Test
  void thresholdsArgmaxAndMacroValuesAreThere() {
    Map<String, Object> root = ReportJson.toMap(REPORT);
    assertThat(map(map(root.get("thresholds")).get("values"))).containsExactly(entry("A", 0.5), entry("B", 0.45),
        entry("C", 0.35));
    Map<String, Object> argmax = map(root.get("argmax"));
    ConfusionCounts b = REPORT.argmax().perClass().get(1);
    assertThat(map(map(argmax.get("per_class")).get("B"))).containsExactly(entry("tp", b.tp()), entry("fp", b.fp()),
        entry("tn", b.tn()), entry("fn", b.fn()));
    assertThat(map(argmax.get("macro_f1"))).containsEntry("value", REPORT.argmax().macroF1().value().get());
    assertThat(map(map(root.get("macro")).get("auc"))).containsEntry("value", REPORT.macroAuc().value().get())
        .doesNotContainKey("undefined");
  }

  @Test
  void undefinedResamplesAreShownOnlyWhenThereAreSome() {
    MetricValue value = MetricValue.of(0.8);
    List<Headline> headlines = List.of(
        new Headline("all", "all defined", value, new ConfidenceInterval(0.7, 0.9, 0.9, 0)),
        new Headline("some", "some undefined", value, new ConfidenceInterval(0.7, 0.9, 0.9, 3)));
    EvaluationReport r = REPORT;
    EvaluationReport report = new EvaluationReport(r.split(), r.task(), r.multiLabel(), r.records(), r.classes(),
        r.macroAuc(), r.macroAveragePrecision(), r.macroF1(), r.exactMatch(), r.argmax(), r.thresholds(), headlines,
        r.bootstrap(), r.notes());
    Map<String, Object> json = map(ReportJson.toMap(report).get("headlines"));
    assertThat(map(json.get("all"))).containsOnlyKeys("value", "ci_lower", "ci_upper", "ci_confidence");
    assertThat(map(json.get("some"))).containsEntry("ci_undefined_resamples", 3);
  }
}
