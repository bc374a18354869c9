package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of {@code sinus explain} opens in a real browser (headless Chromium, Debian's
 * {@code chromium}) with every relevance picture decoded, and reads as ECG findings. Without a
 * browser the test is skipped with a message, unless {@code SINUS_REQUIRE_BROWSER=true} (as
 * {@code .ci/run} sets it, after installing Chromium) makes that a failure.
 */
class ExplanationReportInBrowserTest {
  private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

  @TempDir
  Path temp;

  @Test
  void theReportRendersWithItsHeatmapsInHeadlessChromium() throws Exception {
    String browser = BROWSERS.stream().filter(ExplanationReportInBrowserTest::onPath).findFirst().orElse(null);
    if (browser == null) {
      assertThat(System.getenv("SINUS_REQUIRE_BROWSER")).as("SINUS_REQUIRE_BROWSER is set, but none of " + BROWSERS
          + " is on the PATH (Debian: apt-get install chromium)").isNotEqualTo("true");
      assumeTrue(false, "no headless browser (" + String.join(", ", BROWSERS) + ") on the PATH: the report is not "
          + "checked in a browser; install Debian's chromium to check it");
    }
    Path run = Experiments.trainSmallQuickstart(temp.resolve("runs"));
    Cli.Outcome explained = Cli.run("explain", run.toString(), "--split", "test", "--count", "2", "-q");
    assertThat(explained.exitCode()).as(explained.all()).isZero();
    Path report;
    try (Stream<Path> dirs = Files.list(run.resolve("explanations"))) {
      report = dirs.findFirst().orElseThrow().resolve("report.html");
    }
    String html = Files.readString(report);
    assertThat(html).contains("class=\"reading\"").containsPattern("lead[s]? [A-Za-z0-9, ]+ \\(\\d+%\\); ");

    Process process = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
        "--virtual-time-budget=10000", "--dump-dom", report.toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    Matcher body = Pattern.compile("<body data-images-loaded=\"(\\d+)\" data-images=\"(\\d+)\"").matcher(dom);
    assertThat(body.find()).as("the page's script ran and marked its body: " + dom.substring(0, Math.min(300, dom.length())))
        .isTrue();
    assertThat(Integer.parseInt(body.group(2))).as("pictures in the report").isEqualTo(2);
    assertThat(body.group(1)).as("pictures the browser decoded").isEqualTo(body.group(2));
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
