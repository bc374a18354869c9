package org.sinus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.sinus.api.preview.Ticks;

/**
 * Draws a recording the way an electrocardiograph prints it: traces on pink millimetre paper
 * (1 mm minor and 5 mm major lines), at a paper speed in mm/s and a gain in mm/mV, one row per lead
 * over the whole duration, each row starting with a 1 mV calibration pulse.
 *
 * <p>The defaults ({@link #standard()}) are the clinical 25 mm/s and 10 mm/mV at 5 pixels per
 * millimetre, so a 10 s PTB-XL record is 1250 px of trace and one small square is 0.04 s × 0.1 mV.
 *
 * <pre>{@code
 * var signal = new EcgSignal("00042", List.of("NORM"), values, 500, leadNames);
 * AtomicFiles.writePng(path, EcgPaperPlot.standard().render(signal));
 * }</pre>
 *
 * <p>Each row's baseline (0 mV) sits in the middle of the row unless the trace would leave the row
 * there; then it moves up or down to keep the trace inside (see {@link #withFitBaseline}). What still
 * does not fit is cut off at the row's edge. The calibration pulse always starts at the row's
 * baseline, so amplitudes can be read against it.
 *
 * @param speed paper speed in mm per second (clinical standard 25)
 * @param gain millimetres per millivolt (clinical standard 10)
 * @param pixelsPerMm image resolution; whole numbers keep the grid lines evenly spaced
 * @param rowHeightMm height of one lead's row
 * @param fitBaseline whether to move a row's baseline so that its trace fits the row
 */
public record EcgPaperPlot(double speed, double gain, double pixelsPerMm, double rowHeightMm,
    boolean fitBaseline) {
  static {
    Style.ensureLoaded();
  }

  /** Colour of the traces and calibration pulses. */
  public static final int TRACE_RGB = 0x000000;
  /** Colour of the paper between grid lines. */
  public static final int PAPER_RGB = 0xFFF8F8;
  /** Colour of the 1 mm grid lines. */
  public static final int MINOR_RGB = 0xF7CACA;
  /** Colour of the 5 mm grid lines. */
  public static final int MAJOR_RGB = 0xE68A8A;
  /** Colour of the lines between the leads' rows (over the 5 mm lines there). */
  public static final int ROW_RGB = 0xC86B6B;
  /** Colour (with alpha, 0xAARRGGBB) of the highlight band behind traces. */
  public static final int HIGHLIGHT_ARGB = 0x5A1F77B4;

  private static final Font LEAD_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final double CALIBRATION_SECONDS = 0.2;
  private static final double CALIBRATION_LEAD_IN_MM = 2;

  public EcgPaperPlot {
    check("speed", speed, 1, 1000);
    check("gain", gain, 0.1, 1000);
    check("pixelsPerMm", pixelsPerMm, 1, 50);
    check("rowHeightMm", rowHeightMm, 5, 500);
  }

  private static void check(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException("ECG paper " + name + " must be in [" + min + ", " + max
          + "], got " + value);
    }
  }

  /** 25 mm/s, 10 mm/mV, 5 px/mm, 25 mm rows, baselines fitted to the traces. */
  public static EcgPaperPlot standard() {
    return new EcgPaperPlot(25, 10, 5, 25, true);
  }

  public EcgPaperPlot withSpeed(double mmPerSecond) {
    return new EcgPaperPlot(mmPerSecond, gain, pixelsPerMm, rowHeightMm, fitBaseline);
  }

  public EcgPaperPlot withGain(double mmPerMillivolt) {
    return new EcgPaperPlot(speed, mmPerMillivolt, pixelsPerMm, rowHeightMm, fitBaseline);
  }

  public EcgPaperPlot withPixelsPerMm(double pixels) {
    return new EcgPaperPlot(speed, gain, pixels, rowHeightMm, fitBaseline);
  }

  public EcgPaperPlot withRowHeightMm(double millimetres) {
    return new EcgPaperPlot(speed, gain, pixelsPerMm, millimetres, fitBaseline);
  }

  /** With {@code false} every baseline sits in the middle of its row, whatever the trace does. */
  public EcgPaperPlot withFitBaseline(boolean fit) {
    return new EcgPaperPlot(speed, gain, pixelsPerMm, rowHeightMm, fit);
  }

  /**
   * A region to shade behind the traces, e.g. where a synthetic class was put into the record.
   *
   * @param mask {@code samples × leads} values, time-major like the signal; the band covers the
   *     samples above 0.5
   * @param name what the band shows, for the title line (e.g. "ground truth: MI"); may be empty
   */
  public record Highlight(float[] mask, String name) {
    public Highlight {
      name = name == null ? "" : name;
    }
  }

  /**
   * Relevance to draw behind the traces: each sample of each lead tinted red (positive) or blue
   * (negative), its opacity proportional to the value's magnitude over the record's largest.
   *
   * @param values {@code samples × leads} values, time-major like the signal
   * @param name what the relevance is of, for the title line (e.g. "relevance for MI")
   */
  public record Relevance(float[] values, String name) {
    public Relevance {
      name = name == null ? "" : name;
    }
  }

  /** Tint of positive relevance (red) at full opacity of the overlay. */
  public static final int POSITIVE_RGB = 0xD62728;
  /** Tint of negative relevance (blue). */
  public static final int NEGATIVE_RGB = 0x1F77B4;
  /** Opacity of the strongest relevance, out of 255. */
  public static final int RELEVANCE_ALPHA = 170;

  /** The signal on ECG paper. */
  public BufferedImage render(EcgSignal signal) {
    return render(signal, (Highlight) null);
  }

  /** The signal on ECG paper with {@code relevance} as a red/blue tint behind the traces. */
  public BufferedImage render(EcgSignal signal, Relevance relevance) {
    if (relevance.values().length != signal.values().length) {
      throw new IllegalArgumentException("relevance of " + describe(signal) + " has " + relevance.values().length
          + " values, the signal " + signal.values().length);
    }
    return draw(signal, null, relevance);
  }

  /**
   * The signal on ECG paper with {@code highlight} (may be null) as translucent bands behind the
   * traces.
   *
   * @throws IllegalArgumentException if the mask's length does not match the signal's
   */
  public BufferedImage render(EcgSignal signal, Highlight highlight) {
    if (highlight != null && highlight.mask().length != signal.values().length) {
      throw new IllegalArgumentException("highlight mask of " + describe(signal) + " has "
          + highlight.mask().length + " values, the signal " + signal.values().length + " ("
          + signal.samples() + " samples × " + signal.leads().size() + " leads)");
    }
    return draw(signal, highlight, null);
  }

  private BufferedImage draw(EcgSignal signal, Highlight highlight, Relevance relevance) {
    Layout layout = layout(signal);
    BufferedImage image = Style.canvas(layout.width(), layout.height());
    Graphics2D g = Style.graphics(image);
    try {
      drawTitle(g, signal, highlight != null ? highlight.name() : relevance != null ? relevance.name() : "",
          new Color(highlight != null || relevance == null ? HIGHLIGHT_ARGB : (RELEVANCE_ALPHA << 24) | POSITIVE_RGB, true),
          layout);
      drawPaper(g, layout);
      if (highlight != null) {
        drawHighlight(g, signal, highlight.mask(), layout);
      }
      if (relevance != null) {
        drawRelevance(g, signal, relevance.values(), layout);
      }
      drawTimeAxis(g, signal, layout);
      for (int lead = 0; lead < signal.leads().size(); lead++) {
        drawLead(g, signal, lead, layout);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Where {@link #render} puts things for {@code signal}: image size, rows, baselines, time. */
  public Layout layout(EcgSignal signal) {
    double px = pixelsPerMm;
    int leads = signal.leads().size();
    double gutter = 14;
    for (String name : signal.leads()) {
      gutter = Math.max(gutter, Style.width(LEAD_FONT, name));
    }
    double paperLeft = Math.ceil(gutter + 16);
    double paperTop = Math.ceil(10 + Style.height(Style.TITLE) + 10);
    double calibrationMm = 5 * Math.ceil((CALIBRATION_LEAD_IN_MM + CALIBRATION_SECONDS * speed + 2) / 5);
    double traceMm = signal.seconds() * speed;
    double paperWidthMm = 5 * Math.ceil((calibrationMm + traceMm) / 5);
    double[] baselines = new double[leads];
    for (int lead = 0; lead < leads; lead++) {
      // + 0.5: the centre of the pixel row of that millimetre's grid line, so a flat trace is crisp
      baselines[lead] = paperTop + Math.round((lead * rowHeightMm + baselineMm(signal, lead)) * px) + 0.5;
    }
    int width = (int) Math.ceil(paperLeft + paperWidthMm * px + 16);
    int height = (int) Math.ceil(paperTop + leads * rowHeightMm * px + 8 + Style.height(Style.TICK) + 10);
    return new Layout(width, height, paperLeft, paperTop, paperWidthMm * px, rowHeightMm * px,
        paperLeft + Math.round(calibrationMm * px) + 0.5, speed * px, gain * px, baselines);
  }

  /**
   * Pixel geometry of a rendered record.
   *
   * @param width image width
   * @param height image height
   * @param paperLeft left edge of the grid
   * @param paperTop top edge of the grid (and of the first row)
   * @param paperWidth width of the grid
   * @param rowHeight height of one lead's row
   * @param traceLeft pixel column of time 0 (right of the calibration pulse), at a pixel's centre
   * @param pixelsPerSecond horizontal scale
   * @param pixelsPerMillivolt vertical scale
   * @param baselines pixel row of 0 mV in each lead's row, at a pixel's centre
   */
  public record Layout(int width, int height, double paperLeft, double paperTop, double paperWidth,
      double rowHeight, double traceLeft, double pixelsPerSecond, double pixelsPerMillivolt,
      double[] baselines) {

    /** Pixel column of time {@code seconds} after the first sample. */
    public double x(double seconds) {
      return traceLeft + seconds * pixelsPerSecond;
    }

    /** Pixel row of {@code millivolts} in lead {@code lead}'s row. */
    public double y(int lead, double millivolts) {
      return baselines[lead] - millivolts * pixelsPerMillivolt;
    }

    /** Top pixel row of lead {@code lead}'s row. */
    public double rowTop(int lead) {
      return paperTop + lead * rowHeight;
    }

    @Override
    public double[] baselines() {
      return baselines.clone();
    }
  }

  /** Distance of lead {@code lead}'s baseline from its row's top, in whole millimetres. */
  private double baselineMm(EcgSignal signal, int lead) {
    double middle = rowHeightMm / 2;
    // keep room for the calibration pulse above the baseline and a little room below
    double lowest = Math.min(gain + 1, rowHeightMm - 2);
    double highest = rowHeightMm - 2;
    if (!fitBaseline) {
      return Math.round(middle);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < signal.samples(); t++) {
      float v = signal.value(t, lead);
      if (Float.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      return Math.round(middle);
    }
    double margin = 1;
    double upMm = max * gain;
    double downMm = min * gain;
    double first = margin + upMm; // trace top stays below the row top
    double last = rowHeightMm - margin + downMm; // trace bottom stays above the row bottom
    double baseline = first <= last
        ? Math.max(first, Math.min(last, middle))
        : (first + last) / 2; // cannot fit: cut the same off both ends
    return Math.round(Math.max(lowest, Math.min(highest, baseline)));
  }

  private void drawTitle(Graphics2D g, EcgSignal signal, String name, Color swatchColour, Layout layout) {
    String right = String.format(Locale.ROOT, "%s Hz   ·   %s s   ·   %s mm/s   ·   %s mm/mV",
        number(signal.samplingRate()), number(signal.seconds()), number(speed), number(gain));
    double baseline = 10 + Style.ascent(Style.TITLE);
    double rightEdge = layout.paperLeft() + layout.paperWidth();
    g.setColor(Style.TEXT);
    Style.text(g, right, Style.LABEL, rightEdge, baseline, Style.H.RIGHT, Style.V.BASELINE);
    // what is left of the line, left of the scale text
    double limit = rightEdge - Style.width(Style.LABEL, right) - 24;

    StringBuilder left = new StringBuilder();
    if (!signal.recordId().isEmpty()) {
      left.append("Record ").append(signal.recordId());
    }
    if (!signal.labels().isEmpty()) {
      left.append(left.length() > 0 ? "   ·   " : "").append(String.join(", ", signal.labels()));
    }
    double x = layout.paperLeft();
    double swatch = Style.ascent(Style.LABEL);
    double nameWidth = name.isEmpty() ? 0 : 24 + 2 * swatch + 6 + Math.min(200, Style.width(Style.LABEL, name));
    String shown = Style.fit(left.toString(), Style.TITLE, Math.max(40, limit - x - nameWidth));
    Style.text(g, shown, Style.TITLE, x, baseline, Style.H.LEFT, Style.V.BASELINE);
    x += Style.width(Style.TITLE, shown);
    if (!name.isEmpty()) {
      x += shown.isEmpty() ? 0 : 24;
      g.setColor(swatchColour);
      g.fill(new Rectangle2D.Double(x, baseline - swatch, 2 * swatch, swatch + 2));
      x += 2 * swatch + 6;
      g.setColor(Style.TEXT);
      Style.text(g, Style.fit(name, Style.LABEL, Math.max(40, limit - x)), Style.LABEL, x, baseline,
          Style.H.LEFT, Style.V.BASELINE);
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
  }

  private void drawPaper(Graphics2D g, Layout layout) {
    Object antialiasing = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    int left = (int) Math.round(layout.paperLeft());
    int top = (int) Math.round(layout.paperTop());
    int right = (int) Math.round(layout.paperLeft() + layout.paperWidth());
    int rows = layout.baselines.length;
    int bottom = (int) Math.round(layout.paperTop() + rows * layout.rowHeight());
    g.setColor(new Color(PAPER_RGB));
    g.fillRect(left, top, right - left, bottom - top);
    long widthMm = Math.round(layout.paperWidth() / pixelsPerMm);
    long heightMm = Math.round(rows * rowHeightMm);
    for (int pass = 0; pass < 2; pass++) { // minor lines first, major lines over them
      boolean major = pass == 1;
      g.setColor(new Color(major ? MAJOR_RGB : MINOR_RGB));
      for (long mm = 0; mm <= widthMm; mm++) {
        if ((mm % 5 == 0) == major) {
          int x = (int) Math.round(layout.paperLeft() + mm * pixelsPerMm);
          g.fillRect(Math.min(x, right), top, 1, bottom - top + 1);
        }
      }
      for (long mm = 0; mm <= heightMm; mm++) {
        if ((mm % 5 == 0) == major) {
          int y = (int) Math.round(layout.paperTop() + mm * pixelsPerMm);
          g.fillRect(left, Math.min(y, bottom), right - left + 1, 1);
        }
      }
    }
    // row boundaries, so that a clipped trace is seen to end at its row
    g.setColor(new Color(ROW_RGB));
    for (int row = 0; row <= rows; row++) {
      int y = (int) Math.round(layout.rowTop(row));
      g.fillRect(left, y, right - left + 1, 1);
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing);
  }

  private void drawHighlight(Graphics2D g, EcgSignal signal, float[] mask, Layout layout) {
    int leads = signal.leads().size();
    int samples = signal.samples();
    g.setColor(new Color(HIGHLIGHT_ARGB, true));
    for (int lead = 0; lead < leads; lead++) {
      int t = 0;
      while (t < samples) {
        if (!(mask[t * leads + lead] > 0.5f)) {
          t++;
          continue;
        }
        int start = t;
        while (t < samples && mask[t * leads + lead] > 0.5f) {
          t++;
        }
        double x0 = Math.round(layout.x(start / signal.samplingRate()));
        double x1 = Math.max(x0 + 1, Math.round(layout.x(t / signal.samplingRate())));
        g.fill(new Rectangle2D.Double(x0, Math.round(layout.rowTop(lead)) + 1, x1 - x0,
            Math.round(layout.rowHeight()) - 1));
      }
    }
  }

  private void drawRelevance(Graphics2D g, EcgSignal signal, float[] values, Layout layout) {
    double largest = 0;
    for (float v : values) {
      largest = Math.max(largest, Math.abs(v));
    }
    if (largest == 0) {
      return;
    }
    int leads = signal.leads().size();
    for (int lead = 0; lead < leads; lead++) {
      double top = Math.round(layout.rowTop(lead)) + 1;
      double height = Math.round(layout.rowHeight()) - 1;
      for (int t = 0; t < signal.samples(); t++) {
        double v = values[t * leads + lead];
        int alpha = (int) Math.round(RELEVANCE_ALPHA * Math.abs(v) / largest);
        if (alpha == 0) {
          continue;
        }
        double x0 = Math.round(layout.x(t / signal.samplingRate()));
        double x1 = Math.max(x0 + 1, Math.round(layout.x((t + 1) / signal.samplingRate())));
        g.setColor(new Color((alpha << 24) | (v > 0 ? POSITIVE_RGB : NEGATIVE_RGB), true));
        g.fill(new Rectangle2D.Double(x0, top, x1 - x0, height));
      }
    }
  }

  private void drawTimeAxis(Graphics2D g, EcgSignal signal, Layout layout) {
    double traceWidth = signal.seconds() * layout.pixelsPerSecond();
    Ticks ticks = Ticks.inside(0, signal.seconds(), Math.max(1, (int) (traceWidth / 110)));
    double y = layout.paperTop() + layout.baselines.length * layout.rowHeight() + 6;
    g.setColor(Style.TEXT);
    for (double seconds : ticks.values()) {
      Style.text(g, ticks.label(seconds) + " s", Style.TICK, layout.x(seconds), y, Style.H.CENTER,
          Style.V.TOP);
    }
  }

  private void drawLead(Graphics2D g, EcgSignal signal, int lead, Layout layout) {
    double baseline = layout.baselines[lead];
    double top = layout.rowTop(lead);
    g.setColor(Style.TEXT);
    Style.text(g, signal.leads().get(lead), LEAD_FONT, layout.paperLeft() - 8, baseline,
        Style.H.RIGHT, Style.V.MIDDLE);

    var savedClip = g.getClip();
    g.clip(new Rectangle2D.Double(layout.paperLeft(), top, layout.paperWidth(), layout.rowHeight()));
    g.setColor(new Color(TRACE_RGB));
    g.setStroke(new BasicStroke((float) Math.max(1.2, pixelsPerMm * 0.26), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));

    // 1 mV calibration pulse, 0.2 s wide, from the row's baseline
    double x0 = layout.paperLeft() + CALIBRATION_LEAD_IN_MM * pixelsPerMm;
    double x1 = x0 + CALIBRATION_SECONDS * layout.pixelsPerSecond();
    double high = baseline - layout.pixelsPerMillivolt();
    Path2D pulse = new Path2D.Double();
    pulse.moveTo(layout.paperLeft(), baseline);
    pulse.lineTo(x0, baseline);
    pulse.lineTo(x0, high);
    pulse.lineTo(x1, high);
    pulse.lineTo(x1, baseline);
    pulse.lineTo(layout.traceLeft() - 3 * pixelsPerMm, baseline);
    g.draw(pulse);

    Path2D trace = new Path2D.Double();
    boolean open = false;
    for (int t = 0; t < signal.samples(); t++) {
      float v = signal.value(t, lead);
      if (!Float.isFinite(v)) {
        open = false;
        continue;
      }
      double x = layout.x(t / signal.samplingRate());
      double y = baseline - v * layout.pixelsPerMillivolt();
      if (open) {
        trace.lineTo(x, y);
      } else {
        trace.moveTo(x, y);
        open = true;
      }
    }
    g.draw(trace);
    g.setClip(savedClip);
  }

  private static String describe(EcgSignal signal) {
    return signal.recordId().isEmpty() ? "signal" : "record " + signal.recordId();
  }
}
