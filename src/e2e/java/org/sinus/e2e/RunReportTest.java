package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;
import org.sinus.engine.html.Html;

/**
 * The report.html of a small quickstart run: written by {@code sinus train} with the numbers its evaluation
 * wrote, every class, the experiment escaped and every picture embedded as a PNG; written again by {@code
 * sinus evaluate}, and by {@code sinus report} for a killed run, saying what it lacks.
 */
class RunReportTest {
  private static final Pattern DATA_URI = Pattern.compile("<img alt=\"[^\"]*\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");

  @TempDir
  static Path temp;

  private static Path run;
  private static Cli.Outcome trained;

  @BeforeAll
  static void train() throws IOException {
    trained = Cli.run("train", Experiments.file("quickstart.conf").toString(), "-q",
        "--set", "dataset.records=200", "--set", "training.epochs=2", "--set", "training.batch-size=32",
        "--set", "model.filters=16", "--set", "evaluation.bootstrap.resamples=200",
        "--set", "output.dir=\"" + temp.resolve("runs") + "\"");
    assertThat(trained.exitCode()).as(trained.all()).isZero();
    try (Stream<Path> runs = Files.list(temp.resolve("runs"))) {
      run = runs.findFirst().orElseThrow();
    }
  }

  @Test
  void trainWritesTheReportWithWhatTheEvaluationSays() throws IOException {
    Path report = run.resolve("report.html");
    assertThat(trained.out()).contains("\nreport: " + report + "\n");
    String html = Files.readString(report);
    for (String split : List.of("test", "validation")) {
      Config evaluation = Json.parse(Files.readString(run.resolve("evaluation/" + split + ".json")));
      assertThat(html).as(split + " headline").contains("<p class=\"headline\">" + split + ": macro AUC "
          + format(evaluation.getDouble("headlines.macro_auc.value")) + " (95% CI "
          + format(evaluation.getDouble("headlines.macro_auc.ci_lower")) + "–"
          + format(evaluation.getDouble("headlines.macro_auc.ci_upper")) + ")</p>");
      assertThat(html).contains("<section id=\"" + split + "\">");
    }
    String test = section(html, "test");
    List<? extends Config> classes = Json.parse(Files.readString(run.resolve("evaluation/test.json"))).getConfigList("classes");
    assertThat(classes).hasSize(5);
    for (Config c : classes) {
      String name = c.getString("name");
      Matcher row = Pattern.compile("<tr class=\"class\" data-class=\"" + name + "\"><td>" + name + "</td><td class=\"num\">"
          + c.getInt("positives") + " of " + (c.getInt("positives") + c.getInt("negatives")) + "</td><td class=\"num\">"
          + format(c.getDouble("auc")) + "<span class=\"ci\">[0-9.]+–[0-9.]+</span></td>").matcher(test);
      assertThat(row.find()).as("the row of " + name + " with its AUC and interval").isTrue();
      assertThat(test).as("the confusion matrix of " + name).contains("<table class=\"confusion\" data-class=\"" + name
          + "\">").contains("<tr><th>has " + name + "</th><td class=\"num tp\">" + c.getLong("tp")
          + " <small>TP</small></td><td class=\"num fn\">" + c.getLong("fn") + " <small>FN</small></td></tr>");
    }
    String experiment = Files.readString(run.resolve("experiment.conf"));
    assertThat(experiment).contains("\"");
    assertThat(html).contains(Html.pre(experiment)).doesNotContain(experiment);
    assertThat(section(html, "data")).contains("<td>test</td><td>10</td><td class=\"num\">20</td>");
    assertThat(section(html, "provenance")).contains("<tr><th>seed</th><td>42</td></tr>");
    assertThat(section(html, "training")).contains("2 epochs in ");

    // the training curves, and ROC and precision-recall curves of test and validation, as PNGs in the page
    List<BufferedImage> pictures = pictures(html);
    assertThat(pictures).hasSize(5).allSatisfy(p -> assertThat(p.getWidth()).isGreaterThan(200));
    assertThat(html).doesNotContain("<link").doesNotContain("src=\"http").doesNotContain("url(");
  }

  @Test
  void evaluateWritesTheReportAgain() throws IOException {
    Path copy = RunCopies.copy(run, temp.resolve("evaluated"));
    Files.writeString(copy.resolve("report.html"), "stale");
    Cli.Outcome evaluated = Cli.run("evaluate", copy.toString(), "--split", "test", "-q");
    assertThat(evaluated.exitCode()).as(evaluated.all()).isZero();
    assertThat(evaluated.out()).endsWith("report: " + copy.resolve("report.html") + "\n");
    String html = Files.readString(copy.resolve("report.html"));
    assertThat(html).contains("<h1>Run evaluated</h1>").contains("<section id=\"test\">")
        .doesNotContain("<section id=\"validation\">");
    assertThat(pictures(html)).hasSize(3);
  }

  @Test
  void aKilledRunsReportSaysWhatItLacks() throws IOException {
    Path killed = RunCopies.killedDuring(run, 2, temp.resolve("killed"));
    Cli.Outcome reported = Cli.run("report", killed.toString());
    assertThat(reported.exitCode()).as(reported.all()).isZero();
    assertThat(reported.out()).isEqualTo("report: " + killed.resolve("report.html") + "\n");
    String html = Files.readString(killed.resolve("report.html"));
    assertThat(html).contains("status: interrupted: its process ended without finishing")
        .contains("<p class=\"missing\">Not evaluated yet: evaluation/ holds no &lt;split&gt;.json.")
        .contains("<section id=\"training\">").contains("<section id=\"configuration\">");
    assertThat(pictures(html)).as("the training curves").hasSize(1);
  }

  @Test
  void aRunThatFailsGetsItsReportToo() throws IOException {
    Path runs = temp.resolve("failed");
    Cli.Outcome failed = Cli.run("train", Experiments.file("ptbxl-time-cnn1d.conf").toString(), "-q",
        "--set", "dataset.path=\"" + temp.resolve("no-ptbxl") + "\"", "--set", "output.dir=\"" + runs + "\"");
    assertThat(failed.exitCode()).as(failed.all()).isEqualTo(4);
    Path report;
    try (Stream<Path> made = Files.list(runs)) {
      report = made.findFirst().orElseThrow().resolve("report.html");
    }
    assertThat(Files.readString(report)).contains("status: failed: No PTB-XL at " + temp.resolve("no-ptbxl"))
        .contains("<p class=\"missing\">data-report.json is missing: the run did not get as far as loading its data.");
  }

  @Test
  void aDirectoryThatIsNoRunIsARunError() {
    Cli.Outcome outcome = Cli.run("report", temp.resolve("nowhere").toString(), "-q");
    assertThat(outcome.exitCode()).isEqualTo(5);
    assertThat(outcome.err()).contains(temp.resolve("nowhere") + " is not a Sinus run directory");
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** The section with this id. */
  static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section " + id).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  /** Every picture of the page, decoded from its data URI. */
  static List<BufferedImage> pictures(String html) throws IOException {
    List<BufferedImage> pictures = new ArrayList<>();
    Matcher data = DATA_URI.matcher(html);
    while (data.find()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data.group(1))));
      assertThat(image).as("picture " + pictures.size() + " decodes as a PNG").isNotNull();
      pictures.add(image);
    }
    assertThat(html.split("<img ", -1)).as("every <img> is a PNG data URI").hasSize(pictures.size() + 1);
    return pictures;
  }
}
