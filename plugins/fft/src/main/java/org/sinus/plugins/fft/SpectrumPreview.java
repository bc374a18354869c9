package org.sinus.plugins.fft;

import java.util.ArrayList;
import java.util.List;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.preview.Axis;
import org.sinus.api.preview.HeatmapPreview;
import org.sinus.api.preview.Matrix;
import org.sinus.api.preview.Tick;

/**
 * Pictures of an encoded {@code fft} example: with short-time framing one spectrogram per lead
 * (frequency up, time across, one shared colour scale); without framing one matrix of leads
 * (down) by frequency (across). Only magnitudes are drawn, not phases.
 */
final class SpectrumPreview {
  private SpectrumPreview() {}

  static HeatmapPreview describe(String title, String valueLabel, float[] example, SpectrumLayout layout,
                                 SignalFormat format) {
    int rate = format.samplingRate();
    Axis frequency = Axis.linear("frequency (Hz)", layout.bins(), layout.frequency(0, rate),
        layout.frequency(layout.bins() - 1, rate));
    if (!layout.framed()) {
      float[] values = new float[layout.leads() * layout.bins()];
      for (int lead = 0; lead < layout.leads(); lead++) {
        for (int bin = 0; bin < layout.bins(); bin++) {
          values[lead * layout.bins() + bin] = example[layout.position(0, lead, 0, bin)];
        }
      }
      List<Tick> ticks = new ArrayList<>();
      for (int lead = 0; lead < layout.leads(); lead++) {
        ticks.add(new Tick(lead, format.leads().get(lead)));
      }
      return new HeatmapPreview(title, List.of(new Matrix("", values, layout.leads(), layout.bins())), 1, frequency,
          Axis.of("lead", ticks), valueLabel, false, 640, 300);
    }
    // frame f is centred on sample f·hop of the window (centred frames) or on f·hop + n/2
    double firstCentre = (layout.pad() > 0 ? 0 : layout.fftLength() / 2.0) / rate;
    double lastCentre = firstCentre + (layout.frames() - 1) * (double) layout.hop() / rate;
    Axis time = Axis.linear("time in the window (s)", layout.frames(), firstCentre, lastCentre);
    List<Matrix> spectrograms = new ArrayList<>();
    for (int lead = 0; lead < layout.leads(); lead++) {
      float[] values = new float[layout.bins() * layout.frames()];
      for (int bin = 0; bin < layout.bins(); bin++) {
        for (int frame = 0; frame < layout.frames(); frame++) {
          values[bin * layout.frames() + frame] = example[layout.position(frame, lead, 0, bin)];
        }
      }
      spectrograms.add(new Matrix(format.leads().get(lead), values, layout.bins(), layout.frames()));
    }
    int columns = layout.leads() >= 6 ? 3 : layout.leads();
    return new HeatmapPreview(title, spectrograms, columns, time, frequency, valueLabel, true, 260, 110);
  }
}
