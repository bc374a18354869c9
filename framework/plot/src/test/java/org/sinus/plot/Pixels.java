package org.sinus.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.sinus.api.util.AtomicFiles;

/** Pixel inspection for chart tests, and the preview PNGs a human can look at. */
final class Pixels {
  /** Where tests leave one PNG of each chart (inside the build directory, never committed). */
  static final Path PREVIEWS = Path.of("target", "plot-previews");

  private Pixels() {}

  static void preview(String name, BufferedImage image) {
    AtomicFiles.writePng(PREVIEWS.resolve(name + ".png"), image);
  }

  static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xFFFFFF;
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
    double sum = 0;
    double weight = 0;
    for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
      int b = brightness(image, x, y);
      if (b < threshold) {
        sum += (255 - b) * (double) y;
        weight += 255 - b;
      }
    }
    return weight == 0 ? Double.NaN : sum / weight;
  }

  /** The first pixel row holding at least {@code length} pixels of {@code rgb} in a row, or -1. */
  static int firstRowWithRun(BufferedImage image, int rgb, int length) {
    for (int y = 0; y < image.getHeight(); y++) {
      int run = 0;
      for (int x = 0; x < image.getWidth(); x++) {
        run = near(image, x, y, rgb, 10) ? run + 1 : 0;
        if (run >= length) {
          return y;
        }
      }
    }
    return -1;
  }
}
