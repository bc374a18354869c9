package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of {@code sinus explain} opens in a real browser ({@link HeadlessBrowser}) with every
 * relevance picture decoded, and reads as ECG findings.
 */
class ExplanationReportInBrowserTest {
  @TempDir
  Path temp;

  @Test
  void theReportRendersWithItsHeatmapsInHeadlessChromium() throws Exception {
    HeadlessBrowser browser = HeadlessBrowser.onPath();
    Path run = Experiments.trainSmallQuickstart(temp.resolve("runs"));
    Cli.Outcome explained = Cli.run("explain", run.toString(), "--split", "test", "--count", "2", "-q");
    assertThat(explained.exitCode()).as(explained.all()).isZero();
    Path report;
    try (Stream<Path> dirs = Files.list(run.resolve("explanations"))) {
      report = dirs.findFirst().orElseThrow().resolve("report.html");
    }
    String html = Files.readString(report);
    assertThat(html).contains("class=\"reading\"").containsPattern("lead[s]? [A-Za-z0-9, ]+ \\(\\d+%\\); ");

    HeadlessBrowser.Images images = HeadlessBrowser.images(browser.dumpDom(report));
    assertThat(images.total()).as("pictures in the report").isEqualTo(2);
    assertThat(images.loaded()).as("pictures the browser decoded").isEqualTo(images.total());
  }
}
