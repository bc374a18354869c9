package org.sinus.plot;

import java.awt.Point;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sinus.api.util.AtomicFiles;

/**
 * Pixel inspection for chart tests, and the preview PNGs a human can look at.
 *
 * <p>Points are in Java2D coordinates: pixel (i, j) covers [i, i + 1) × [j, j + 1), so a point lies
 * in the pixel of its floored coordinates. The charts' accessors ({@link Axes#x}, {@link Axes#y},
 * {@link EcgPaperPlot.Layout#x}, ...) give such points for data values.
 */
final class Pixels {
  /** Where tests leave one PNG of each chart (inside the build directory, never committed). */
  static final Path PREVIEWS = Path.of("target", "plot-previews");

  /**
   * How far (per channel) the most covered pixel of an antialiased 2 px line may be from the line's
   * colour.
   */
  static final int LINE_TOLERANCE = 60;
  /**
   * The same for a 1.3 px line: running along a pixel edge it covers two pixels 65 % each, which
   * puts blue on white 78 off; the frame's grey is 95 off blue.
   */
  static final int THIN_LINE_TOLERANCE = 85;

  private Pixels() {}

  static void preview(String name, BufferedImage image) {
    AtomicFiles.writePng(PREVIEWS.resolve(name + ".png"), image);
  }

  static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xFFFFFF;
  }

  /** The colour of the pixel that holds point {@code p}. */
  static int rgb(BufferedImage image, Point2D p) {
    return rgb(image, (int) Math.floor(p.getX()), (int) Math.floor(p.getY()));
  }

  /** Largest difference of one channel between two 0xRRGGBB colours. */
  static int distance(int a, int b) {
    int d = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      d = Math.max(d, Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)));
    }
    return d;
  }

  static boolean near(BufferedImage image, int x, int y, int rgb, int tolerance) {
    return distance(rgb(image, x, y), rgb) <= tolerance;
  }

  /** How many pixels in [x0, x1) × [y0, y1) are within {@code tolerance} of {@code rgb}. */
  static int count(BufferedImage image, int rgb, int tolerance, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
        if (near(image, x, y, rgb, tolerance)) {
          n++;
        }
      }
    }
    return n;
  }

  static int count(BufferedImage image, int rgb, int tolerance) {
    return count(image, rgb, tolerance, 0, 0, image.getWidth(), image.getHeight());
  }

  /**
   * How many of the pixels inside {@code area}, less a margin of {@code inset} pixels all round,
   * are within {@code tolerance} of {@code rgb}; with {@link #pixels} the count of all of them.
   */
  static int count(BufferedImage image, int rgb, int tolerance, Rectangle2D area, int inset) {
    int[] box = inside(area, inset);
    return count(image, rgb, tolerance, box[0], box[1], box[2], box[3]);
  }

  /** How many pixels {@link #count(BufferedImage, int, int, Rectangle2D, int)} looks at. */
  static int pixels(Rectangle2D area, int inset) {
    int[] box = inside(area, inset);
    return Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1]);
  }

  /** [x0, y0, x1, y1) of the whole pixels inside {@code area} less {@code inset} all round. */
  private static int[] inside(Rectangle2D area, int inset) {
    return new int[] {(int) Math.ceil(area.getX()) + inset, (int) Math.ceil(area.getY()) + inset,
        (int) Math.floor(area.getMaxX()) - inset, (int) Math.floor(area.getMaxY()) - inset};
  }

  /** How many pixels of two images of the same size differ. */
  static int differing(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      throw new AssertionError("images of " + a.getWidth() + " × " + a.getHeight() + " and " + b.getWidth()
          + " × " + b.getHeight() + " pixels");
    }
    int n = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        n += rgb(a, x, y) == rgb(b, x, y) ? 0 : 1;
      }
    }
    return n;
  }

  /** Brightness 0 (black) .. 255 (white) as the mean of the channels. */
  static int brightness(BufferedImage image, int x, int y) {
    int c = rgb(image, x, y);
    return ((c >> 16 & 0xFF) + (c >> 8 & 0xFF) + (c & 0xFF)) / 3;
  }

  /**
   * The darkness-weighted mean row of pixels darker than {@code threshold} in column {@code x}
   * between rows y0 and y1, or NaN if none is that dark.
   */
  static double darkRow(BufferedImage image, int x, int y0, int y1, int threshold) {
    return darkRow(image, x, x + 1, y0, y1, threshold);
  }

  /**
   * The darkness-weighted mean row of pixels darker than {@code threshold} in [x0, x1) × [y0, y1),
   * or NaN if none is that dark.
   */
  static double darkRow(BufferedImage image, int x0, int x1, int y0, int y1, int threshold) {
    double sum = 0;
    double weight = 0;
    for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
        int b = brightness(image, x, y);
        if (b < threshold) {
          sum += (255 - b) * (double) y;
          weight += 255 - b;
        }
      }
    }
    return weight == 0 ? Double.NaN : sum / weight;
  }

  /**
   * The left end of the topmost horizontal run of at least {@code length} pixels within 10 of
   * {@code rgb}, or null; e.g. the top edge of a frame or of a legend box.
   */
  static Point firstRun(BufferedImage image, int rgb, int length) {
    for (int y = 0; y < image.getHeight(); y++) {
      int run = 0;
      for (int x = 0; x < image.getWidth(); x++) {
        run = near(image, x, y, rgb, 10) ? run + 1 : 0;
        if (run >= length) {
          return new Point(x - length + 1, y);
        }
      }
    }
    return null;
  }

  /**
   * The points that have no pixel within {@code tolerance} of {@code rgb} in the square of
   * {@code radius} pixels around the pixel holding them (points outside the image included). For
   * {@code assertThat(misses(...)).isEmpty()}, whose failure lists them.
   */
  static List<Point2D> misses(BufferedImage image, List<? extends Point2D> points, int rgb, int tolerance,
      int radius) {
    List<Point2D> missed = new ArrayList<>();
    for (Point2D p : points) {
      int px = (int) Math.floor(p.getX());
      int py = (int) Math.floor(p.getY());
      boolean found = false;
      for (int y = py - radius; y <= py + radius && !found; y++) {
        for (int x = px - radius; x <= px + radius && !found; x++) {
          found = x >= 0 && y >= 0 && x < image.getWidth() && y < image.getHeight()
              && near(image, x, y, rgb, tolerance);
        }
      }
      if (!found) {
        missed.add(p);
      }
    }
    return missed;
  }

  /** {@link #misses} of a 2 px line drawn in {@code rgb}, antialiased, looked for within one pixel. */
  static List<Point2D> linesMiss(BufferedImage image, List<? extends Point2D> points, int rgb) {
    return misses(image, points, rgb, LINE_TOLERANCE, 1);
  }

  /**
   * Points about every pixel along the polyline through the data points {@code (xs[i], ys[i])}
   * mapped by {@code axes}, both ends included; where a polyline should be drawn.
   */
  static List<Point2D> along(Axes axes, double[] xs, double[] ys) {
    List<Point2D> points = new ArrayList<>();
    for (int i = 0; i + 1 < xs.length; i++) {
      double x0 = axes.x(xs[i]);
      double y0 = axes.y(ys[i]);
      double x1 = axes.x(xs[i + 1]);
      double y1 = axes.y(ys[i + 1]);
      int steps = Math.max(1, (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
      for (int s = 0; s < steps; s++) {
        points.add(new Point2D.Double(x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps));
      }
    }
    points.add(new Point2D.Double(axes.x(xs[xs.length - 1]), axes.y(ys[ys.length - 1])));
    return points;
  }
}
