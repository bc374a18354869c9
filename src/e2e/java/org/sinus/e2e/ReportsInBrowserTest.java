package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's report.html and the report.html of {@code sinus compare} open from {@code file://} in a real
 * browser ({@link HeadlessBrowser}) with every picture decoded.
 */
class ReportsInBrowserTest {
  @TempDir
  Path temp;

  @Test
  void theRunAndComparisonReportsRenderWithTheirPicturesInHeadlessChromium() throws Exception {
    HeadlessBrowser browser = HeadlessBrowser.onPath();
    Path run = Experiments.trainSmallQuickstart(temp.resolve("runs"));
    String dom = browser.dumpDom(run.resolve("report.html"));
    HeadlessBrowser.Images runImages = HeadlessBrowser.images(dom);
    assertThat(runImages.total()).as("training curves, ROC and precision-recall of test and validation").isEqualTo(5);
    assertThat(runImages.loaded()).as("pictures the browser decoded").isEqualTo(runImages.total());
    assertThat(dom).contains("<section id=\"test\">").contains("<p class=\"headline\">test: macro AUC ");

    Path other = RunCopies.copy(run, temp.resolve("runs-copy").resolve("other"));
    Path out = temp.resolve("comparison");
    Cli.Outcome compared = Cli.run("compare", run.toString(), other.toString(), "--out", out.toString(),
        "--resamples", "50", "-q");
    assertThat(compared.exitCode()).as(compared.all()).isZero();
    String comparison = browser.dumpDom(out.resolve("report.html"));
    HeadlessBrowser.Images comparisonImages = HeadlessBrowser.images(comparison);
    assertThat(comparisonImages.total()).as("the forest plot").isEqualTo(1);
    assertThat(comparisonImages.loaded()).isEqualTo(1);
    assertThat(comparison).contains("<h1>Comparison of 2 runs: test</h1>")
        .contains("<th>run</th><th class=\"num\">Δ macro AUC</th>");
  }
}
