package org.sinus.engine.explain;

import static org.sinus.engine.html.Html.escape;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.engine.html.Html;

/**
 * One self-contained HTML page of a set of explanations, to open in a browser: per explanation
 * the record, the class, the model's probability, the ECG reading of the relevance and the
 * 12-lead ECG with the relevance drawn over it (embedded as PNG data), for a model of parts each
 * part's probability and share of the relevance (a bar), the explainer's notes; then
 * the relevance per class, lead and beat phase over all records. Built of {@link Html}'s blocks, so
 * the page's body carries, once loaded, how many pictures the browser decoded (the browser test reads it).
 */
final class ExplanationReport {
  /**
   * One explained record and class.
   *
   * @param parts the model's parts in the explanation, or null for a model not made of parts
   */
  record Entry(String record, String className, double probability, String method, String summary,
               BufferedImage picture, List<String> notes, Map<String, Object> details, PartShares parts) {}

  private static final String CSS = """
      .reading{font-size:1.15em;font-weight:bold}
      .bar{display:inline-block;width:120px;height:.8em;background:#eee;vertical-align:middle;margin-right:.4em}
      .bar span{display:block;height:100%;background:#c0392b}
      """;

  private final String title;
  private final List<Entry> entries = new ArrayList<>();
  private String glocalMarkdown = "";

  ExplanationReport(String title) {
    this.title = title;
  }

  void add(Entry entry) {
    entries.add(entry);
  }

  void glocal(String markdown) {
    this.glocalMarkdown = markdown;
  }

  String html() {
    StringBuilder html = new StringBuilder("<h1>").append(escape(title)).append("</h1>\n")
        .append("<p>Red: relevance for the class; blue: against it; the stronger, the more opaque. ")
        .append(entries.size()).append(entries.size() == 1 ? " explanation" : " explanations").append(".</p>\n");
    for (Entry entry : entries) {
      html.append("<section class=\"explanation\">\n<h2>Record ").append(escape(entry.record())).append(" · ")
          .append(escape(entry.className())).append("</h2>\n<p>")
          .append(String.format(Locale.ROOT, "probability %.3f · %s", entry.probability(), escape(entry.method())))
          .append("</p>\n<p class=\"reading\">").append(escape(entry.summary())).append("</p>\n");
      if (entry.picture() != null) {
        html.append(Html.image("relevance for " + entry.className() + " on record " + entry.record(), entry.picture()));
      }
      if (entry.parts() != null) {
        html.append(parts(entry.parts()));
      }
      if (!entry.notes().isEmpty()) {
        html.append("<ul class=\"notes\">\n");
        entry.notes().forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
        html.append("</ul>\n");
      }
      html.append("</section>\n");
    }
    if (!glocalMarkdown.isEmpty()) {
      html.append("<section class=\"glocal\">\n").append(Html.markdown(glocalMarkdown, 2, Map.of())).append("</section>\n");
    }
    return Html.page(title, CSS, html.toString());
  }

  /** The table of a model's parts: each part's probability, its share of the relevance as a bar, its signed sum. */
  private static String parts(PartShares shares) {
    StringBuilder html = new StringBuilder("<table class=\"parts\">\n<caption>")
        .append(escape("The model's parts: " + shares.output())).append("</caption>\n")
        .append("<tr><th>part</th><th>probability</th><th>share of |relevance|</th><th>signed relevance</th></tr>\n")
        .append(String.format(Locale.ROOT, "<tr><td>fused</td><td>%.3f</td><td></td><td></td></tr>%n", shares.fused()));
    for (PartShares.Part part : shares.parts()) {
      html.append("<tr class=\"part\" data-part=\"").append(escape(part.name())).append("\"><td>")
          .append(escape(part.name())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.3f", part.probability())).append("</td><td>");
      if (shares.sharesAvailable()) {
        html.append(String.format(Locale.ROOT, "<span class=\"bar\"><span style=\"width:%.1f%%\"></span></span>%.0f%%",
            100 * part.share(), 100 * part.share())).append("</td><td>")
            .append(String.format(Locale.ROOT, "%+.3g", part.signed()));
      } else {
        html.append("not available</td><td>");
      }
      html.append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (!shares.notes().isEmpty()) {
      html.append("<ul class=\"notes\">\n");
      shares.notes().forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
      html.append("</ul>\n");
    }
    return html.toString();
  }
}
