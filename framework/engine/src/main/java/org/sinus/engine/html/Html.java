package org.sinus.engine.html;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The building blocks of Sinus's HTML reports (a run's, a comparison's, an explanation's), each one
 * self-contained file to open in a browser: text escaped, pictures embedded as PNG {@code data:} URIs,
 * the style sheet inline, nothing fetched from elsewhere. A page shows everything without scripts; one
 * small script only marks the body, once the page has loaded, with how many pictures the browser decoded
 * ({@code data-images-loaded}, of {@code data-images}), which the browser tests read.
 *
 * <pre>{@code
 * String body = "<h1>" + Html.escape(title) + "</h1>\n" + Html.image("ROC curves", roc)
 *     + Html.markdown(summaryMarkdown, 2, Map.of());
 * AtomicFiles.writeString(dir.resolve("report.html"), Html.page(title, "", body));
 * }</pre>
 */
public final class Html {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Pattern IMAGE_LINE = Pattern.compile("!\\[([^]]*)]\\(([^)]+)\\)");
  private static final String BASE_CSS = """
      body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}
      section{border-top:1px solid #ccc;padding-top:1em;margin-top:1.5em}
      img{max-width:100%;height:auto;border:1px solid #ddd}
      table{border-collapse:collapse;margin:.5em 0}
      td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
      th{background:#f3f3f3}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      pre{background:#f6f6f6;border:1px solid #ddd;padding:.8em;overflow:auto;font-size:.85em}
      .notes{color:#555;font-size:.9em}
      .missing{color:#8a4b00;font-style:italic}
      """;

  private Html() {}

  /** Text made safe inside an element or a quoted attribute. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A whole page: the title, the shared style sheet and {@code css} after it, {@code body}, and the load marker. */
  public static String page(String title, String css, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
        + "</title>\n<style>\n" + BASE_CSS + css + (css.isEmpty() || css.endsWith("\n") ? "" : "\n")
        + "</style>\n</head>\n<body>\n" + body
        + "<script>\nwindow.addEventListener('load', function () {\n"
        + "  var loaded = Array.from(document.images).filter(function (i) { return i.complete && i.naturalWidth > 0; });\n"
        + "  document.body.setAttribute('data-images-loaded', String(loaded.length));\n"
        + "  document.body.setAttribute('data-images', String(document.images.length));\n"
        + "});\n</script>\n</body>\n</html>\n";
  }

  /** An {@code <img>} of the picture, embedded as PNG. */
  public static String image(String alt, BufferedImage picture) {
    return image(alt, png(picture));
  }

  /**
   * An {@code <img>} of PNG bytes (a file written earlier), embedded as they are.
   *
   * @throws IllegalArgumentException if the bytes are not a PNG
   */
  public static String image(String alt, byte[] png) {
    if (png.length < PNG_SIGNATURE.length || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
      throw new IllegalArgumentException("the picture '" + alt + "' is not a PNG");
    }
    return "<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
        + "\">\n";
  }

  /** Preformatted text, escaped: a configuration file or JSON as it is. */
  public static String pre(String text) {
    return "<pre>" + escape(text) + "</pre>\n";
  }

  /** A paragraph saying what a report lacks and why, styled apart from the results. */
  public static String missing(String sentence) {
    return "<p class=\"missing\">" + escape(sentence) + "</p>\n";
  }

  /**
   * The Markdown that Sinus's reports write, as HTML: headings ({@code #} becomes {@code <h topHeading>}),
   * pipe tables (a row above a {@code |---|} line is the header; {@code ---:} aligns a column right),
   * {@code - } lists, a line of only {@code ![alt](file)} as the picture {@code images} holds under that
   * file name, and other lines as paragraphs; all text escaped.
   *
   * @param topHeading the HTML heading level of a Markdown {@code #} heading, 1 to 6
   * @param images pictures by the file name the Markdown refers to them with
   */
  public static String markdown(String markdown, int topHeading, Map<String, BufferedImage> images) {
    if (topHeading < 1 || topHeading > 6) {
      throw new IllegalArgumentException("heading level must be 1..6, got " + topHeading);
    }
    StringBuilder html = new StringBuilder();
    List<String> table = new ArrayList<>();
    boolean inList = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("|")) {
        table.add(line);
        continue;
      }
      if (!table.isEmpty()) {
        html.append(table(table));
        table.clear();
      }
      if (inList && !line.startsWith("- ")) {
        html.append("</ul>\n");
        inList = false;
      }
      Matcher picture = IMAGE_LINE.matcher(line.strip());
      int level = headingLevel(line);
      if (level > 0) {
        int h = Math.min(6, topHeading + level - 1);
        html.append("<h").append(h).append('>').append(escape(line.substring(level + 1).strip())).append("</h").append(h)
            .append(">\n");
      } else if (line.startsWith("- ")) {
        if (!inList) {
          html.append("<ul>\n");
          inList = true;
        }
        html.append("<li>").append(escape(line.substring(2))).append("</li>\n");
      } else if (picture.matches()) {
        BufferedImage image = images.get(picture.group(2));
        html.append(image != null ? image(picture.group(1), image)
            : missing(picture.group(1) + ": the picture " + picture.group(2) + " is not in this page"));
      } else if (!line.isBlank()) {
        html.append("<p>").append(escape(line)).append("</p>\n");
      }
    }
    if (!table.isEmpty()) {
      html.append(table(table));
    }
    if (inList) {
      html.append("</ul>\n");
    }
    return html.toString();
  }

  /** The level of a {@code #}…{@code ######} heading line, 0 for any other line. */
  private static int headingLevel(String line) {
    int level = 0;
    while (level < line.length() && line.charAt(level) == '#') {
      level++;
    }
    return level > 0 && level <= 6 && line.length() > level && line.charAt(level) == ' ' ? level : 0;
  }

  private static String table(List<String> rows) {
    StringBuilder html = new StringBuilder("<table>\n");
    boolean header = rows.size() > 1 && isSeparator(rows.get(1));
    List<Boolean> right = header ? cells(rows.get(1)).stream().map(c -> c.endsWith(":")).toList() : List.of();
    for (int r = 0; r < rows.size(); r++) {
      if (isSeparator(rows.get(r))) {
        continue;
      }
      String tag = header && r == 0 ? "th" : "td";
      html.append("<tr>");
      List<String> cells = cells(rows.get(r));
      for (int c = 0; c < cells.size(); c++) {
        boolean number = c < right.size() && right.get(c);
        html.append('<').append(tag).append(number ? " class=\"num\"" : "").append('>').append(escape(cells.get(c)))
            .append("</").append(tag).append('>');
      }
      html.append("</tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  private static boolean isSeparator(String row) {
    return row.matches("\\|(\\s*:?-+:?\\s*\\|)+\\s*");
  }

  private static List<String> cells(String row) {
    String inner = row.strip();
    inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
    return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(image, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
