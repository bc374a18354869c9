package org.sinus.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.SinusException;

/**
 * The report of runs that lack parts or hold bad files: each missing or unreadable part is a line saying
 * so, and the rest of the report is still written. (A trained run's report: the end-to-end RunReportTest.)
 */
class RunReportTest {
  @TempDir
  Path run;

  @Test
  void aRunWithOnlyItsExperimentSaysWhatIsMissing() throws IOException {
    Files.writeString(run.resolve("experiment.conf"), "name = \"a<b>\"\nseed = 1\n");
    Path written = RunReport.write(run);
    assertThat(written).isEqualTo(run.resolve("report.html"));
    String html = Files.readString(written);
    assertThat(html).contains("status: unknown: " + run.resolve("status.json") + " is missing")
        .contains("<p class=\"missing\">No epoch has finished: metrics.csv and training-curves.png are missing.</p>")
        .contains("<p class=\"missing\">Not evaluated yet: evaluation/ holds no &lt;split&gt;.json.")
        .contains("<p class=\"missing\">data-report.json is missing")
        .contains("<p class=\"missing\">provenance.json is missing")
        .contains("<pre>name = &quot;a&lt;b&gt;&quot;\nseed = 1\n</pre>")
        .doesNotContain("<img");
  }

  @Test
  void anUnreadableEvaluationIsNamedAndTheRestIsShown() throws IOException {
    Files.writeString(run.resolve("experiment.conf"), "name = x\n");
    Path evaluation = Files.createDirectories(run.resolve("evaluation"));
    Files.writeString(evaluation.resolve("test.json"), "{\"split\": \"test\", \"task\": \"t\", \"multi_label\": true}");
    Files.writeString(evaluation.resolve("thresholds.json"), "{\"thresholds\": {\"A\": 0.5}}");
    Files.writeString(evaluation.resolve("predictions-test.csv"), "record_id,p_A,y_A\n1,0.3,1\n2,high,0\n");
    Files.writeString(run.resolve("metrics.csv"), "epoch,step,lr,train_loss,val_loss,val_macro_auc,seconds\n"
        + "1,5,0.01,0.9,1.5,0.48,1.00\n2,10,0.001,0.7,1.0,0.61,0.50\n3,15,0.0001,0.6,1.1,,0.50\n");
    String html = Files.readString(RunReport.write(run));
    assertThat(html).contains("<p class=\"missing\">No evaluation could be read; the sections below say why.</p>")
        .contains("<section id=\"test\">\n<h2>Evaluation: test</h2>\n<p class=\"missing\">Not shown: "
            + evaluation.resolve("predictions-test.csv") + ":3: score of class A is 'high', not a number</p>")
        .contains("<p>3 epochs in 2 s; after the last, training loss 0.6000, validation loss 1.1000. Best validation "
            + "macro AUC 0.6100 after epoch 2.</p>")
        .contains("<p class=\"missing\">training-curves.png is missing.</p>");
  }

  @Test
  void aDirectoryWithoutAnExperimentIsNoRun() {
    assertThatThrownBy(() -> RunReport.write(run)).isInstanceOf(SinusException.class)
        .hasMessageContaining("is not a Sinus run directory");
    assertThat(run.resolve("report.html")).doesNotExist();
  }
}
