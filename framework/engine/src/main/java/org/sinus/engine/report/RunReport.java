package org.sinus.engine.report;

import static org.sinus.engine.html.Html.escape;

import com.typesafe.config.ConfigException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sinus.api.SinusException;
import org.sinus.api.data.Split;
import org.sinus.api.util.AtomicFiles;
import org.sinus.engine.eval.Evaluator;
import org.sinus.engine.eval.Headline;
import org.sinus.engine.eval.ReportMarkdown;
import org.sinus.engine.html.Html;
import org.sinus.engine.run.RunDirectory;
import org.sinus.engine.run.RunStatus;

/**
 * A run's {@code report.html}: everything the run directory holds, in one self-contained page for a
 * browser. A summary (each evaluated split's macro AUC with its interval, and the other headline
 * numbers), the training curves, per evaluated split the ROC and precision–recall curves, the classes with
 * intervals and their confusion matrices at the decision thresholds ({@link SplitSection}), the class
 * balance of the data ({@link DataSection}), the provenance ({@link ProvenanceSection}) and the resolved
 * experiment. Built from the files alone, so it can be built again for any run; a part the run does not
 * have yet (no epoch finished, no evaluation) or cannot be read is a line saying so.
 *
 * <pre>{@code
 * Path html = RunReport.write(Path.of("runs/quickstart-20261202-101500"));
 * }</pre>
 */
public final class RunReport {
  /** The splits in the order the report shows them: what the run is judged by first. */
  private static final List<Split> ORDER = List.of(Split.TEST, Split.VALIDATION, Split.TRAIN);
  private static final String CSS = """
      nav a{margin-right:1em}
      .headline{font-size:1.2em;font-weight:bold;margin:.3em 0}
      """ + SplitSection.CSS;

  private RunReport() {}

  /**
   * Builds the report of the run in {@code directory} and writes it (atomically) to its {@value
   * RunDirectory#REPORT}.
   *
   * @return the file written
   * @throws SinusException (run) if the directory is not a run directory
   */
  public static Path write(Path directory) {
    RunDirectory run = RunDirectory.open(directory);
    Path file = run.resolve(RunDirectory.REPORT);
    AtomicFiles.writeString(file, html(run));
    return file;
  }

  /** The report's page. */
  static String html(RunDirectory run) {
    Map<String, SplitEvaluation> evaluated = new LinkedHashMap<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    for (Split split : ORDER) {
      if (Files.isRegularFile(SplitEvaluation.reportFile(run.evaluation(), split.id()))) {
        try {
          evaluated.put(split.id(), SplitEvaluation.load(run.evaluation(), split.id()));
        } catch (SinusException | ConfigException | UncheckedIOException | IllegalArgumentException e) {
          unreadable.put(split.id(), e.getMessage());
        }
      }
    }
    String name = run.path().toAbsolutePath().normalize().getFileName().toString();
    StringBuilder html = new StringBuilder("<h1>Run ").append(escape(name)).append("</h1>\n<p>")
        .append(escape(run.path().toAbsolutePath().normalize().toString())).append(" · ")
        .append(escape(status(run))).append("</p>\n");
    Map<String, String[]> sections = new LinkedHashMap<>();
    sections.put("summary", new String[] {"Summary", shown(() -> summary(run, evaluated, unreadable))});
    sections.put("training", new String[] {"Training", shown(() -> TrainingSection.html(run))});
    for (Split split : ORDER) {
      String id = split.id();
      if (evaluated.containsKey(id)) {
        sections.put(id, new String[] {"Evaluation: " + id, shown(() -> SplitSection.html(evaluated.get(id)))});
      } else if (unreadable.containsKey(id)) {
        sections.put(id, new String[] {"Evaluation: " + id, Html.missing("Not shown: " + unreadable.get(id))});
      }
    }
    sections.put("data", new String[] {"Data", shown(() -> DataSection.html(run))});
    sections.put("provenance", new String[] {"Provenance", shown(() -> ProvenanceSection.html(run))});
    sections.put("configuration", new String[] {"Configuration", shown(() -> configuration(run))});
    html.append("<nav>");
    sections.forEach((id, s) -> html.append("<a href=\"#").append(id).append("\">").append(escape(s[0])).append("</a>"));
    html.append("</nav>\n");
    sections.forEach((id, s) -> html.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(s[0]))
        .append("</h2>\n").append(s[1]).append("</section>\n"));
    return Html.page("Run " + name, CSS, html.toString());
  }

  /**
   * A part of the report made from the run's files, or a line saying why it could not be: a missing or
   * bad file is said in the report, not thrown, so that it does not cost the rest of the report.
   */
  private static String shown(Supplier<String> part) {
    try {
      return part.get();
    } catch (SinusException | ConfigException | UncheckedIOException | IllegalArgumentException e) {
      return Html.missing("Not shown: " + e.getMessage());
    }
  }

  private static String status(RunDirectory run) {
    try {
      return "status: " + RunStatus.of(run);
    } catch (ConfigException e) {
      return "status: unreadable " + RunDirectory.STATUS + " (" + e.getMessage() + ")";
    }
  }

  /** Each evaluated split's macro AUC as a headline, then every headline number of every split in a table. */
  private static String summary(RunDirectory run, Map<String, SplitEvaluation> loaded, Map<String, String> unreadable) {
    StringBuilder html = new StringBuilder();
    if (loaded.isEmpty()) {
      return html.append(Html.missing(unreadable.isEmpty()
          ? "Not evaluated yet: " + RunDirectory.EVALUATION + "/ holds no <split>.json. A run is evaluated when it "
              + "finishes training; sinus evaluate " + run + " evaluates a trained model again."
          : "No evaluation could be read; the sections below say why.")).toString();
    }
    loaded.forEach((split, e) -> html.append("<p class=\"headline\">").append(split).append(": ")
        .append(escape(ReportMarkdown.headlineLine(e.report().headline(Evaluator.MACRO_AUC)))).append("</p>\n"));
    html.append("<table class=\"headlines\">\n<tr><th></th>");
    loaded.keySet().forEach(split -> html.append("<th class=\"num\">").append(split).append("</th>"));
    html.append("</tr>\n");
    List<Headline> rows = loaded.values().iterator().next().report().headlines();
    for (Headline row : rows) {
      html.append("<tr><th>").append(escape(row.label())).append("</th>");
      loaded.values().forEach(e -> html.append("<td class=\"num\">").append(escape(headlineValue(e, row.key())))
          .append("</td>"));
      html.append("</tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  /** {@code 0.8750 (0.8369–0.9049)}. */
  private static String headlineValue(SplitEvaluation evaluation, String key) {
    Headline headline = evaluation.report().headline(key);
    if (!headline.value().isDefined()) {
      return "–";
    }
    String value = ReportMarkdown.format(headline.value().value());
    return headline.interval() == null ? value : value + " (" + ReportMarkdown.format(headline.interval().lower())
        + "–" + ReportMarkdown.format(headline.interval().upper()) + ")";
  }

  private static String configuration(RunDirectory run) {
    return "<p>" + RunDirectory.EXPERIMENT + ", the fully resolved experiment (sinus train " + escape(
        run.resolve(RunDirectory.EXPERIMENT).toString()) + " trains it again):</p>\n"
        + Html.pre(run.readString(RunDirectory.EXPERIMENT));
  }
}
