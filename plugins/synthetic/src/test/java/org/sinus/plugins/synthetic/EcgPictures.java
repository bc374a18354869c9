package org.sinus.plugins.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sinus.plugins.synthetic.ecg.Leads;

/**
 * Draws a 12-lead record on ECG paper (25 mm/s, 10 mm/mV), with a region mask shaded, for eyeballing:
 * two columns of six leads, each lead's row with its baseline in the middle.
 */
final class EcgPictures {
  static final int PX_PER_S = 125;
  static final int PX_PER_MV = 50;
  static final int ROW_HEIGHT = 150;
  /** Colour of the region mask's shading. */
  static final Color SHADE = new Color(255, 200, 200);

  private EcgPictures() {}

  /**
   * Where a picture of the first {@code shown} samples at {@code rate} Hz puts things.
   *
   * @param rate samples per second
   * @param shown how many samples of each lead are drawn
   */
  record Layout(int rate, int shown) {
    /** The first {@code seconds} of a record of {@code samples} samples. */
    static Layout of(int samples, int rate, double seconds) {
      return new Layout(rate, (int) Math.min(samples, Math.round(seconds * rate)));
    }

    int panelWidth() {
      return (int) (shown * PX_PER_S / (double) rate);
    }

    int width() {
      return 2 * panelWidth() + 60;
    }

    int height() {
      return 6 * ROW_HEIGHT + 40;
    }

    /** Left edge of lead {@code lead}'s panel, at time 0. */
    int left(int lead) {
      return 20 + (lead / 6) * (panelWidth() + 20);
    }

    /** Top edge of lead {@code lead}'s row. */
    int top(int lead) {
      return 30 + (lead % 6) * ROW_HEIGHT;
    }

    /** Pixel column of sample {@code sample} of lead {@code lead}. */
    int x(int lead, int sample) {
      return left(lead) + (int) (sample * PX_PER_S / (double) rate);
    }

    /**
     * Whether pixel (x, y) is in the top left corner of lead {@code lead}'s row where its name is
     * written over the trace (a box of 40 × 20 px holds every name).
     */
    boolean underName(int lead, int x, int y) {
      return x >= left(lead) && x < left(lead) + 40 && y >= top(lead) && y < top(lead) + 20;
    }

    /** Pixel row of {@code millivolts} in lead {@code lead}'s row (0 mV in its middle). */
    int y(int lead, float millivolts) {
      return top(lead) + ROW_HEIGHT / 2 - Math.round(millivolts * PX_PER_MV);
    }
  }

  static void write(Path file, BufferedImage image) throws IOException {
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  /** The picture of {@code signal} ({@code samples × 12}, time-major) with {@code mask} (may be null) shaded. */
  static BufferedImage draw(String title, float[] signal, float[] mask, Layout layout) {
    int width = layout.width();
    int height = layout.height();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.setColor(Color.BLACK);
    g.drawString(title, 10, 20);
    int panelWidth = layout.panelWidth();
    for (int lead = 0; lead < Leads.COUNT; lead++) {
      int x0 = layout.left(lead);
      int y0 = layout.top(lead);
      int mid = y0 + ROW_HEIGHT / 2;
      if (mask != null) {
        g.setColor(SHADE);
        for (int s = 0; s < layout.shown(); s++) {
          if (mask[s * Leads.COUNT + lead] > 0) {
            g.fillRect(layout.x(lead, s), y0, Math.max(1, PX_PER_S / layout.rate() + 1), ROW_HEIGHT);
          }
        }
      }
      for (int gx = 0; gx <= panelWidth; gx += PX_PER_S / 5) {
        g.setColor(gx % PX_PER_S == 0 ? new Color(240, 150, 150) : new Color(250, 215, 215));
        g.drawLine(x0 + gx, y0, x0 + gx, y0 + ROW_HEIGHT);
      }
      for (int gy = -ROW_HEIGHT / 2; gy <= ROW_HEIGHT / 2; gy += PX_PER_MV / 2) {
        g.setColor(gy == 0 ? new Color(240, 150, 150) : new Color(250, 215, 215));
        g.drawLine(x0, mid + gy, x0 + panelWidth, mid + gy);
      }
    }
    // the traces after all the paper, so that a row's paper never covers a neighbour's trace
    for (int lead = 0; lead < Leads.COUNT; lead++) {
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1.3f));
      for (int s = 1; s < layout.shown(); s++) {
        g.drawLine(layout.x(lead, s - 1), layout.y(lead, signal[(s - 1) * Leads.COUNT + lead]),
            layout.x(lead, s), layout.y(lead, signal[s * Leads.COUNT + lead]));
      }
      g.setColor(Color.BLUE);
      g.drawString(Leads.NAMES.get(lead), layout.left(lead) + 4, layout.top(lead) + 16);
    }
    g.dispose();
    return image;
  }
}
