package org.sinus.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sinus.api.preview.Ticks;

/**
 * Small line plots of the channels of a window stacked above each other, sharing the time axis;
 * for previewing what a time-domain representation feeds the model (e.g. twelve standardized leads
 * of 2.5 s).
 *
 * <pre>{@code
 * BufferedImage image = SignalPanels.standard().render("record 42, window 3 (standardized)",
 *     window, 100, 2.5, leadNames);
 * }</pre>
 *
 * @param width image width in pixels
 * @param panelHeight height of each channel's plot in pixels
 * @param sharedScale whether all channels share one y range (otherwise each fits its own)
 */
public record SignalPanels(int width, int panelHeight, boolean sharedScale) {
  static {
    Style.ensureLoaded();
  }

  private static final double GAP = 6;

  public SignalPanels {
    if (width < 200 || width > 20_000 || panelHeight < 24 || panelHeight > 2_000) {
      throw new IllegalArgumentException("signal panels must be 200..20000 px wide and 24..2000 px per"
          + " panel, got width " + width + ", panel height " + panelHeight);
    }
  }

  /** 900 px wide, 64 px per channel, each channel on its own scale. */
  public static SignalPanels standard() {
    return new SignalPanels(900, 64, false);
  }

  public SignalPanels withSize(int imageWidth, int channelHeight) {
    return new SignalPanels(imageWidth, channelHeight, sharedScale);
  }

  public SignalPanels withSharedScale(boolean shared) {
    return new SignalPanels(width, panelHeight, shared);
  }

  /**
   * Draws {@code values}, {@code samples × channels} time-major (sample {@code t} of channel
   * {@code c} at {@code t * channels + c}); NaN leaves a gap.
   *
   * @param title shown above the panels; may be empty
   * @param samplingRate samples per second, for the time axis
   * @param startSeconds time of the first sample (e.g. the window's offset in its record)
   * @param names one name per channel
   */
  public BufferedImage render(String title, float[] values, double samplingRate, double startSeconds,
      List<String> names) {
    Layout layout = layout(title, values, samplingRate, startSeconds, names);
    title = title == null ? "" : title;
    int channels = names.size();
    int samples = values.length / channels;
    BufferedImage image = Style.canvas(width, layout.height());
    Graphics2D g = Style.graphics(image);
    try {
      Style.title(g, title, (layout.left() + layout.right()) / 2, 10, 0, width);
      Ticks xTicks = layout.xTicks();
      for (int c = 0; c < channels; c++) {
        Axes axes = layout.panels().get(c);
        Rectangle2D area = axes.area();
        Ticks yTicks = layout.yTicks().get(c);
        axes.grid(g, xTicks.values(), yTicks.values());
        if (axes.yMin() < 0 && axes.yMax() > 0) {
          g.setColor(Style.MUTED);
          g.setStroke(new BasicStroke(1f));
          double zero = Axes.snap(axes.y(0));
          g.draw(new Line2D.Double(area.getX(), zero, area.getMaxX(), zero));
        }
        double[] xs = new double[samples];
        double[] ys = new double[samples];
        for (int t = 0; t < samples; t++) {
          xs[t] = startSeconds + t / samplingRate;
          ys[t] = values[t * channels + c];
        }
        var savedClip = g.getClip();
        g.clip(area);
        g.setColor(Style.series(0));
        g.setStroke(Style.line(1.3f, false));
        g.draw(axes.path(xs, ys));
        g.setClip(savedClip);
        axes.frame(g);
        axes.yTicks(g, yTicks.values(), yTicks.labels());
        axes.xTicks(g, xTicks.values(), c == channels - 1 ? xTicks.labels() : null);
        g.setColor(Style.TEXT);
        Style.text(g, names.get(c), Style.SMALL_TITLE, Axes.PAD + layout.nameWidth(), area.getCenterY(),
            Style.H.RIGHT, Style.V.MIDDLE);
      }
      layout.panels().get(channels - 1).xLabel(g, "time (s)");
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Where {@link #render} puts things.
   *
   * @param height image height
   * @param panels each channel's axes: seconds and values to pixels, and its plot area
   * @param xTicks the shared time ticks
   * @param yTicks each channel's value ticks
   * @param nameWidth width of the widest channel name
   * @param left left edge of the plot areas
   * @param right right edge of the plot areas
   */
  record Layout(int height, List<Axes> panels, Ticks xTicks, List<Ticks> yTicks, double nameWidth,
      double left, double right) {}

  /**
   * Where {@link #render} with the same arguments draws each channel; for tests that look for a
   * trace at the pixels where it must be.
   *
   * @throws IllegalArgumentException as render does
   */
  Layout layout(String title, float[] values, double samplingRate, double startSeconds,
      List<String> names) {
    int channels = names.size();
    if (channels == 0) {
      throw new IllegalArgumentException("signal panels '" + title + "': no channel names given");
    }
    if (values.length == 0 || values.length % channels != 0) {
      throw new IllegalArgumentException("signal panels '" + title + "': " + values.length
          + " values are not a whole number of samples of " + channels + " channels " + names);
    }
    if (!(samplingRate > 0) || !Double.isFinite(samplingRate)) {
      throw new IllegalArgumentException("signal panels '" + title + "': sampling rate must be positive,"
          + " got " + samplingRate);
    }
    title = title == null ? "" : title;
    int samples = values.length / channels;
    double duration = samples / samplingRate;

    double[][] ranges = new double[channels][];
    for (int c = 0; c < channels; c++) {
      ranges[c] = range(values, channels, c, c);
    }
    if (sharedScale) {
      double[] all = range(values, channels, 0, channels - 1);
      Arrays.fill(ranges, all);
    }
    List<Ticks> yTicks = new ArrayList<>();
    double tickWidth = 0;
    double nameWidth = 0;
    int target = panelHeight >= 90 ? 3 : 2;
    for (int c = 0; c < channels; c++) {
      yTicks.add(Ticks.inside(ranges[c][0], ranges[c][1], target));
      tickWidth = Math.max(tickWidth, Axes.widest(yTicks.get(c).labels()));
      nameWidth = Math.max(nameWidth, Style.width(Style.SMALL_TITLE, names.get(c)));
    }

    double top = title.isEmpty() ? 10 : Style.height(Style.TITLE) + 18;
    double left = Axes.PAD + nameWidth + 10 + tickWidth + Axes.TICK_LENGTH + 3;
    double right = width - 14;
    double bottom = Axes.TICK_LENGTH + 3 + Style.height(Style.TICK) + 4 + Style.height(Style.LABEL) + 8;
    int height = (int) Math.ceil(top + channels * panelHeight + (channels - 1) * GAP + bottom);
    Ticks xTicks = Ticks.inside(startSeconds, startSeconds + duration,
        Math.max(2, (int) ((right - left) / 90)));
    List<Axes> panels = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      double y = Math.round(top + c * (panelHeight + GAP));
      Rectangle2D area = new Rectangle2D.Double(Math.round(left), y, Math.round(right - left), panelHeight);
      panels.add(new Axes(area, startSeconds, startSeconds + duration, ranges[c][0], ranges[c][1]));
    }
    return new Layout(height, panels, xTicks, yTicks, nameWidth, left, right);
  }

  /** [min, max] of channels {@code from..to} (finite values), padded by 8 %; a flat line gets ± 1. */
  private static double[] range(float[] values, int channels, int from, int to) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      int c = i % channels;
      if (c >= from && c <= to && Float.isFinite(values[i])) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
    }
    if (min > max) {
      return new double[] {-1, 1};
    }
    if (min == max) {
      return new double[] {min - 1, max + 1};
    }
    double pad = (max - min) * 0.08;
    return new double[] {min - pad, max + pad};
  }
}
