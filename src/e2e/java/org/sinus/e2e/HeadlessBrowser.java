package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real browser for the tests of pages a user opens: headless Chromium (Debian's {@code chromium}),
 * found on the PATH. Without one, {@link #onPath()} skips the test with a message, unless {@code
 * SINUS_REQUIRE_BROWSER=true} (as {@code .ci/run} sets it, after installing Chromium) makes that a failure.
 * The reports mark their body, once loaded, with how many pictures the browser decoded
 * ({@code org.sinus.engine.html.Html#page}); {@link #images} reads it from the document the browser made.
 */
final class HeadlessBrowser {
  private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
  private static final Pattern IMAGES = Pattern.compile("<body[^>]* data-images-loaded=\"(\\d+)\" data-images=\"(\\d+)\"");

  private final String command;

  private HeadlessBrowser(String command) {
    this.command = command;
  }

  /** How many pictures a page holds, and how many of them the browser decoded (natural width above 0). */
  record Images(int loaded, int total) {}

  /** The browser on the PATH; the calling test is skipped (or fails, where a browser is required) without one. */
  static HeadlessBrowser onPath() {
    String browser = BROWSERS.stream().filter(HeadlessBrowser::executable).findFirst().orElse(null);
    if (browser == null) {
      assertThat(System.getenv("SINUS_REQUIRE_BROWSER")).as("SINUS_REQUIRE_BROWSER is set, but none of " + BROWSERS
          + " is on the PATH (Debian: apt-get install chromium)").isNotEqualTo("true");
      assumeTrue(false, "no headless browser (" + String.join(", ", BROWSERS) + ") on the PATH: the report is not "
          + "checked in a browser; install Debian's chromium to check it");
    }
    return new HeadlessBrowser(browser);
  }

  /** The page's document after it loaded from {@code file://}, as the browser serialises it. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command, "--headless", "--no-sandbox", "--disable-gpu",
        "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the browser ended").isTrue();
    return dom;
  }

  /** The pictures of a page that the browser loaded, as the page's script counted them in its {@link #dumpDom}. */
  static Images images(String dom) {
    Matcher body = IMAGES.matcher(dom);
    assertThat(body.find()).as("the page's script ran and marked its body: " + dom.substring(0, Math.min(300, dom.length())))
        .isTrue();
    return new Images(Integer.parseInt(body.group(1)), Integer.parseInt(body.group(2)));
  }

  private static boolean executable(String name) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
  }
}
