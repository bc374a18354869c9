package org.sinus.engine.explain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * One self-contained HTML page of a set of explanations, to open in a browser: per explanation
 * the record, the class, the model's probability, the ECG reading of the relevance and the
 * 12-lead ECG with the relevance drawn over it (embedded as PNG data), for a model of parts each
 * part's probability and share of the relevance (a bar), the explainer's notes; then
 * the relevance per class, lead and beat phase over all records. When the page has loaded, its
 * body carries {@code data-images-loaded}: how many pictures the browser decoded (the browser test
 * reads it).
 */
final class ExplanationReport {
  /**
   * One explained record and class.
   *
   * @param parts the model's parts in the explanation, or null for a model not made of parts
   */
  record Entry(String record, String className, double probability, String method, String summary,
               BufferedImage picture, List<String> notes, Map<String, Object> details, PartShares parts) {}

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
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}\n")
        .append("section{border-top:1px solid #ccc;padding-top:1em;margin-top:1.5em}\n")
        .append("img{max-width:100%;height:auto;border:1px solid #ddd}\n")
        .append(".reading{font-size:1.15em;font-weight:bold}\n.notes{color:#555;font-size:.9em}\n")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}\n")
        .append(".bar{display:inline-block;width:120px;height:.8em;background:#eee;vertical-align:middle;margin-right:.4em}\n")
        .append(".bar span{display:block;height:100%;background:#c0392b}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n")
        .append("<p>Red: relevance for the class; blue: against it; the stronger, the more opaque. ")
        .append(entries.size()).append(entries.size() == 1 ? " explanation" : " explanations").append(".</p>\n");
    for (Entry entry : entries) {
      html.append("<section class=\"explanation\">\n<h2>Record ").append(escape(entry.record())).append(" · ")
          .append(escape(entry.className())).append("</h2>\n<p>")
          .append(String.format(Locale.ROOT, "probability %.3f · %s", entry.probability(), escape(entry.method())))
          .append("</p>\n<p class=\"reading\">").append(escape(entry.summary())).append("</p>\n");
      if (entry.picture() != null) {
        html.append("<img alt=\"").append(escape("relevance for " + entry.className() + " on record " + entry.record()))
            .append("\" src=\"data:image/png;base64,").append(png(entry.picture())).append("\">\n");
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
      html.append("<section class=\"glocal\">\n").append(markdownTables(glocalMarkdown)).append("</section>\n");
    }
    html.append("<script>\nwindow.addEventListener('load', function () {\n")
        .append("  var loaded = Array.from(document.images).filter(function (i) { return i.complete && i.naturalWidth > 0; });\n")
        .append("  document.body.setAttribute('data-images-loaded', String(loaded.length));\n")
        .append("  document.body.setAttribute('data-images', String(document.images.length));\n")
        .append("});\n</script>\n</body>\n</html>\n");
    return html.toString();
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

  /** The glocal summary's Markdown (headings and pipe tables) as HTML. */
  private static String markdownTables(String markdown) {
    StringBuilder html = new StringBuilder();
    boolean inTable = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("|")) {
        if (line.startsWith("|---")) {
          continue;
        }
        if (!inTable) {
          html.append("<table>\n");
          inTable = true;
        }
        html.append("<tr>");
        String[] cells = line.substring(1, line.length() - 1).split("\\|");
        for (String cell : cells) {
          html.append("<td>").append(escape(cell.strip())).append("</td>");
        }
        html.append("</tr>\n");
        continue;
      }
      if (inTable) {
        html.append("</table>\n");
        inTable = false;
      }
      if (line.startsWith("## ")) {
        html.append("<h3>").append(escape(line.substring(3))).append("</h3>\n");
      } else if (line.startsWith("# ")) {
        html.append("<h2>").append(escape(line.substring(2))).append("</h2>\n");
      } else if (!line.isBlank()) {
        html.append("<p>").append(escape(line)).append("</p>\n");
      }
    }
    if (inTable) {
      html.append("</table>\n");
    }
    return html.toString();
  }

  private static String png(BufferedImage image) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(image, "png", bytes);
      return Base64.getEncoder().encodeToString(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
