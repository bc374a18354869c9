package org.sinus.engine.compare;

import static org.sinus.engine.html.Html.escape;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sinus.engine.html.Html;
import org.sinus.engine.run.RunDirectory;

/**
 * Writes a {@link Comparison} as one self-contained HTML page: what {@link ComparisonMarkdown} writes (the
 * runs with intervals, the paired differences, seed groups, per-class AUC and its differences, notes) as
 * HTML tables, with the forest plot ({@link ComparisonPlot}) embedded, and a link to each run's own report.
 */
public final class ComparisonHtml {
  private ComparisonHtml() {}

  /**
   * The page.
   *
   * @param forest the forest plot of the comparison
   */
  public static String render(Comparison comparison, BufferedImage forest) {
    String markdown = ComparisonMarkdown.render(comparison, ComparisonFiles.PLOT);
    StringBuilder body = new StringBuilder(Html.markdown(markdown, 1, Map.of(ComparisonFiles.PLOT, forest)));
    body.append("<h2>The runs' own reports</h2>\n<ul>\n");
    for (RunResult run : comparison.runs()) {
      Path report = run.directory().toAbsolutePath().normalize().resolve(RunDirectory.REPORT);
      body.append("<li>");
      if (Files.isRegularFile(report)) {
        body.append("<a href=\"").append(escape(report.toUri().toString())).append("\">").append(escape(run.label()))
            .append("</a>");
      } else {
        body.append(escape(run.label())).append(": no ").append(RunDirectory.REPORT).append(" yet (sinus report ")
            .append(escape(run.directory().toString())).append(" writes it)");
      }
      body.append("</li>\n");
    }
    body.append("</ul>\n");
    return Html.page("Comparison of " + comparison.runs().size() + " runs: " + comparison.split(), "", body.toString());
  }
}
