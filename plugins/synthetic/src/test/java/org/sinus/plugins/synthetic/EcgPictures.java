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

/** Draws a 12-lead record on ECG paper (25 mm/s, 10 mm/mV), with a region mask shaded, for eyeballing. */
final class EcgPictures {
  private static final int PX_PER_S = 125;
  private static final int PX_PER_MV = 50;
  private static final int ROW_HEIGHT = 150;

  private EcgPictures() {}

  static void write(Path file, String title, float[] signal, float[] mask, int samples, int rate, double seconds)
      throws IOException {
    int shown = (int) Math.min(samples, Math.round(seconds * rate));
    int panelWidth = (int) (shown * PX_PER_S / (double) rate);
    int width = 2 * panelWidth + 60;
    int height = 6 * ROW_HEIGHT + 40;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.setColor(Color.BLACK);
    g.drawString(title, 10, 20);
    for (int lead = 0; lead < Leads.COUNT; lead++) {
      int x0 = 20 + (lead / 6) * (panelWidth + 20);
      int y0 = 30 + (lead % 6) * ROW_HEIGHT;
      int mid = y0 + ROW_HEIGHT / 2;
      if (mask != null) {
        g.setColor(new Color(255, 200, 200));
        for (int s = 0; s < shown; s++) {
          if (mask[s * Leads.COUNT + lead] > 0) {
            int x = x0 + (int) (s * PX_PER_S / (double) rate);
            g.fillRect(x, y0, Math.max(1, PX_PER_S / rate + 1), ROW_HEIGHT);
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
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1.3f));
      for (int s = 1; s < shown; s++) {
        int xa = x0 + (int) ((s - 1) * PX_PER_S / (double) rate);
        int xb = x0 + (int) (s * PX_PER_S / (double) rate);
        int ya = mid - Math.round(signal[(s - 1) * Leads.COUNT + lead] * PX_PER_MV);
        int yb = mid - Math.round(signal[s * Leads.COUNT + lead] * PX_PER_MV);
        g.drawLine(xa, ya, xb, yb);
      }
      g.setColor(Color.BLUE);
      g.drawString(Leads.NAMES.get(lead), x0 + 4, y0 + 16);
    }
    g.dispose();
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }
}
