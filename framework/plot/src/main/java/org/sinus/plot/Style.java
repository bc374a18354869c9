package org.sinus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;

/**
 * The look shared by all charts: fonts, colours, strokes, and the canvas they are drawn on. Loading
 * this class makes AWT headless unless the application chose otherwise, so charts render on
 * servers without a display.
 */
final class Style {
  static {
    // Must run before any AWT class decides whether a display exists; every chart goes through
    // Style before it touches AWT (see ensureLoaded).
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font SMALL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);

  static final Color BACKGROUND = Color.WHITE;
  static final Color TEXT = new Color(0x1A1A1A);
  static final Color FRAME = new Color(0x555555);
  static final Color GRID = new Color(0xE3E3E3);
  static final Color MUTED = new Color(0x8C8C8C);
  static final Color MISSING = new Color(0xD0D0D0);

  /**
   * Series colours: the "tableau 10" palette (matplotlib's default cycle), distinguishable for
   * most colour-vision deficiencies in its first entries and readable on white.
   */
  private static final int[] PALETTE = {
    0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
    0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF
  };

  private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

  private Style() {}

  /** Does nothing but makes sure the static initializer (headless mode) has run. */
  static void ensureLoaded() {}

  /** The colour of the {@code index}-th series; the palette repeats after {@link #paletteSize()}. */
  static Color series(int index) {
    return new Color(PALETTE[Math.floorMod(index, PALETTE.length)]);
  }

  static int paletteSize() {
    return PALETTE.length;
  }

  /** A solid line of the given width, or dashed. */
  static Stroke line(float width, boolean dashed) {
    return line(width, dashed ? 1 : 0);
  }

  /**
   * A line of the given width in one of four patterns, repeating: 0 solid, 1 dashed, 2 dotted,
   * 3 dash-dotted. Series beyond the palette's ten colours take the next pattern.
   */
  static Stroke line(float width, int pattern) {
    float[] dashes = switch (Math.floorMod(pattern, 4)) {
      case 1 -> new float[] {6f, 4f};
      case 2 -> new float[] {0.1f, 4f}; // round caps turn these into dots
      case 3 -> new float[] {8f, 3.5f, 0.1f, 3.5f};
      default -> null;
    };
    if (dashes == null) {
      return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dashes, 0f);
  }

  /** A white RGB image of the given size. */
  static BufferedImage canvas(int width, int height) {
    if (width <= 0 || height <= 0 || (long) width * height > 200_000_000L) {
      throw new IllegalArgumentException("cannot make a " + width + " × " + height
          + " pixel image; check the chart size settings");
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  /** Graphics on {@code image} with antialiasing of lines and text switched on. */
  static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    return g;
  }

  /** Width of {@code text} in {@code font}, in pixels. */
  static double width(Font font, String text) {
    return text.isEmpty() ? 0 : font.getStringBounds(text, MEASURE).getWidth();
  }

  /** Height of a line of text (ascent + descent) in {@code font}. */
  static double height(Font font) {
    var metrics = font.getLineMetrics("Hg", MEASURE);
    return metrics.getAscent() + metrics.getDescent();
  }

  static double ascent(Font font) {
    return font.getLineMetrics("Hg", MEASURE).getAscent();
  }

  /** Horizontal anchor of {@link #text}. */
  enum H { LEFT, CENTER, RIGHT }

  /** Vertical anchor of {@link #text}: the top, middle or baseline of the text is placed at y. */
  enum V { TOP, MIDDLE, BASELINE, BOTTOM }

  /** Draws {@code text} with its anchor point at (x, y). */
  static void text(Graphics2D g, String text, Font font, double x, double y, H h, V v) {
    if (text == null || text.isEmpty()) {
      return;
    }
    g.setFont(font);
    var metrics = font.getLineMetrics(text, g.getFontRenderContext());
    double width = font.getStringBounds(text, g.getFontRenderContext()).getWidth();
    double left = switch (h) {
      case LEFT -> x;
      case CENTER -> x - width / 2;
      case RIGHT -> x - width;
    };
    double baseline = switch (v) {
      case TOP -> y + metrics.getAscent();
      case MIDDLE -> y + (metrics.getAscent() - metrics.getDescent()) / 2;
      case BASELINE -> y;
      case BOTTOM -> y - metrics.getDescent();
    };
    g.drawString(text, (float) left, (float) baseline);
  }

  /** Draws {@code text} turned 90° anticlockwise (reading bottom to top), centred on (x, y). */
  static void verticalText(Graphics2D g, String text, Font font, double x, double y) {
    if (text == null || text.isEmpty()) {
      return;
    }
    var saved = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    text(g, text, font, 0, 0, H.CENTER, V.MIDDLE);
    g.setTransform(saved);
  }

  /**
   * Draws a title centred on {@code centre}, its top at {@code top}, shortened with an ellipsis so
   * that it stays between {@code minX} and {@code maxX}.
   */
  static void title(Graphics2D g, String text, double centre, double top, double minX, double maxX) {
    double room = 2 * Math.min(centre - minX, maxX - centre) - 8;
    g.setColor(TEXT);
    text(g, fit(text, TITLE, room), TITLE, centre, top, H.CENTER, V.TOP);
  }

  /** Shortens {@code text} with an ellipsis so that it fits in {@code maxWidth} pixels. */
  static String fit(String text, Font font, double maxWidth) {
    if (width(font, text) <= maxWidth) {
      return text;
    }
    String ellipsis = "…";
    int end = text.length();
    while (end > 0 && width(font, text.substring(0, end) + ellipsis) > maxWidth) {
      end--;
    }
    return text.substring(0, end) + ellipsis;
  }
}
