package org.sinus.plugins.wavelet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.preview.Axis;
import org.sinus.api.preview.HeatmapPreview;
import org.sinus.api.preview.Matrix;
import org.sinus.api.preview.Tick;
import org.sinus.api.representation.ExampleShape;

/**
 * Describes a picture of an encoded {@code cwt} example as the model sees it: one scalogram per lead in a grid of
 * three columns, sharing a colour scale, frequency in Hz on the vertical axis (logarithmic for
 * log-spaced scales; highest frequency on top) and seconds from the window's start on the
 * horizontal one.
 */
final class ScalogramPreview {
  private final CwtSettings settings;

  ScalogramPreview(CwtSettings settings) {
    this.settings = settings;
  }

  HeatmapPreview describe(float[] example, ExampleShape shape, SignalFormat format, int windowSamples) {
    int scales = settings.scaleCount();
    int leads = format.channels();
    int columns = shape.width();
    boolean stacked = settings.layout() == CwtSettings.Layout.STACKED;
    if (shape.size() != scales * columns * leads || example.length < shape.size()) {
      throw new IllegalArgumentException("a cwt example of shape " + shape + " does not hold " + scales + " scales × "
          + leads + " leads");
    }
    List<Matrix> matrices = new ArrayList<>();
    for (int l = 0; l < leads; l++) {
      float[] values = new float[scales * columns];
      for (int s = 0; s < scales; s++) {
        for (int c = 0; c < columns; c++) {
          values[s * columns + c] = stacked ? example[(l * scales + s) * columns + c]
              : example[(s * columns + c) * leads + l];
        }
      }
      matrices.add(new Matrix(format.leads().get(l), values, scales, columns));
    }
    double samplesPerColumn = settings.width() > 0 ? windowSamples / (double) columns : settings.pool();
    double rate = format.samplingRate();
    Axis time = Axis.linear("time in window (s)", columns, (0.5 * samplesPerColumn - 0.5) / rate,
        ((columns - 0.5) * samplesPerColumn - 0.5) / rate);
    double[] hertz = settings.frequencies(rate);
    Axis frequency = settings.logSpacing() || scales == 1
        ? Axis.logarithmic("frequency (Hz)", scales, hertz[0], hertz[scales - 1])
        : linearScaleAxis(hertz, rate);
    String title = String.format(Locale.ROOT, "cwt %s: %s; %s normalization%s", shape, settings.describe(),
        CwtSettings.id(settings.normalize()), settings.coneOfInfluence() ? ", cone of influence masked" : "");
    String value = (settings.log() == CwtSettings.Log.NONE ? "" : CwtSettings.id(settings.log()) + " ")
        + switch (settings.value()) {
          case MAGNITUDE -> "|W|";
          case POWER -> "|W|²";
          case REAL -> "Re W";
        } + (settings.normalize() == CwtSettings.Normalize.NONE ? "" : ", normalized");
    return new HeatmapPreview(title, matrices, Math.min(3, leads), time, frequency, value, false, 300, 110);
  }

  /** Ticks at 1-2-5 frequencies for linearly spaced scales (frequency ∝ 1 / scale). */
  private Axis linearScaleAxis(double[] hertz, double rate) {
    double[] scales = settings.scales(rate);
    double first = scales[0];
    double last = scales[scales.length - 1];
    double low = Math.min(hertz[0], hertz[hertz.length - 1]);
    double high = Math.max(hertz[0], hertz[hertz.length - 1]);
    List<Tick> ticks = new ArrayList<>();
    for (int exponent = (int) Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high)); exponent++) {
      for (double multiplier : new double[] {1, 2, 5}) {
        double f = multiplier * Math.pow(10, exponent);
        if (f >= low * (1 - 1e-9) && f <= high * (1 + 1e-9)) {
          double scale = settings.wavelet().scaleOf(f, rate);
          double row = (scale - first) / (last - first) * (scales.length - 1);
          ticks.add(new Tick(row, f >= 1 ? String.format(Locale.ROOT, "%.0f", f) : String.format(Locale.ROOT, "%.1g", f)));
        }
      }
    }
    return Axis.of("frequency (Hz)", ticks);
  }
}
