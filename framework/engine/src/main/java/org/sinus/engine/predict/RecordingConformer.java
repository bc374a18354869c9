package org.sinus.engine.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.SignalFormat;
import org.sinus.engine.run.ModelFormat;
import org.sinus.io.Recording;

/**
 * Brings a recording into the model's format, or says in one line why it cannot: the lead count
 * and names are checked against the model's leads (named leads are matched by name, ignoring case,
 * and reordered), every value must be finite, a recording at another rate is resampled to the
 * model's ({@link SignalResampler}), and it must hold at least one of the model's windows.
 */
public final class RecordingConformer {
  private final ModelFormat model;
  private final ArrayLayout arrays;

  public RecordingConformer(ModelFormat model, ArrayLayout arrays) {
    this.model = model;
    this.arrays = arrays;
    if (!arrays.leads().isEmpty()) {
      order(arrays.leads(), "--leads");
    }
  }

  /**
   * @throws SinusException (data) whose message names the file and what is wrong with it
   */
  public ConformedRecording conform(Recording recording) {
    SignalFormat format = model.format();
    List<String> notices = new ArrayList<>();
    boolean named = !recording.channelNames().isEmpty();
    List<String> leads = named ? recording.channelNames() : arrays.leads();
    if (recording.channels() != format.channels()) {
      throw reject(recording, recording.channels() + " leads" + (named ? " " + recording.channelNames() : "")
          + ", but the model reads " + format.channels() + " " + format.leads() + transposedHint(recording));
    }
    int[] order = leads.isEmpty() ? identity(format.channels()) : order(leads, recording.source() + "");
    if (leads.isEmpty()) {
      notices.add("unnamed rows read in the model's lead order " + String.join(",", format.leads()) + " (--leads "
          + "gives another)");
    }
    if (!isIdentity(order)) {
      notices.add("leads reordered from " + leads + " to the model's " + format.leads());
    }
    float[] signal = reorder(recording.signal(), order);
    int bad = firstNonFinite(signal);
    if (bad >= 0) {
      int channel = bad % format.channels();
      throw reject(recording, "sample " + (bad / format.channels()) + " of lead " + format.leads().get(channel)
          + " is " + signal[bad] + ": every value must be a finite number");
    }
    double rate = recording.samplingRate().isPresent() ? recording.samplingRate().getAsDouble()
        : arrays.samplingRate().orElse(format.samplingRate());
    if (recording.samplingRate().isEmpty() && arrays.samplingRate().isEmpty()) {
      notices.add("no sampling rate in the file: taken to be the model's " + hz(format.samplingRate())
          + " (--sampling-rate gives another)");
    }
    int samples = recording.samples();
    if (Math.abs(rate - format.samplingRate()) > 1e-9 * rate) {
      int resampled = SignalResampler.outputSamples(samples, rate, format.samplingRate());
      if (resampled < 1) {
        throw reject(recording, samples + " samples at " + hz(rate) + " are too short to resample");
      }
      signal = SignalResampler.resample(signal, format.channels(), rate, format.samplingRate());
      notices.add("resampled from " + hz(rate) + " to the model's " + hz(format.samplingRate()));
      samples = resampled;
    }
    int window = model.scoring().windowSamples();
    if (samples < window) {
      throw reject(recording, "too short: " + seconds(samples / (double) format.samplingRate()) + " s, the model reads "
          + "windows of " + seconds(model.windowSeconds()) + " s");
    }
    if (!model.anyLength() && samples != format.samples()) {
      throw reject(recording, seconds(samples / (double) format.samplingRate()) + " s long, but the model reads whole "
          + "records of " + seconds(format.samples() / (double) format.samplingRate()) + " s (it was trained "
          + "without a shorter training.crop)");
    }
    return new ConformedRecording(recording.name(), recording.source(), signal, samples, notices);
  }

  /** Where each of the model's leads is among {@code leads}, matched by name ignoring case. */
  private int[] order(List<String> leads, String what) {
    List<String> expected = model.format().leads();
    int[] order = new int[expected.size()];
    List<String> given = leads.stream().map(name -> name.strip().toUpperCase(Locale.ROOT)).toList();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      order[i] = given.indexOf(expected.get(i).toUpperCase(Locale.ROOT));
      if (order[i] < 0) {
        missing.add(expected.get(i));
      }
    }
    if (!missing.isEmpty() || leads.size() != expected.size()) {
      throw new SinusException(ExitCode.DATA, what + ": leads " + leads + " do not match the model's " + expected
          + (missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")"));
    }
    return order;
  }

  private String transposedHint(Recording recording) {
    return recording.samples() == model.format().channels() && recording.channelNames().isEmpty()
        ? " (is the array transposed? Sinus reads arrays of leads × samples, one row per lead)" : "";
  }

  private static SinusException reject(Recording recording, String problem) {
    return new SinusException(ExitCode.DATA, recording.source() + ": " + problem);
  }

  private float[] reorder(float[] signal, int[] order) {
    if (isIdentity(order)) {
      return signal;
    }
    int channels = order.length;
    float[] out = new float[signal.length];
    for (int t = 0; t < signal.length / channels; t++) {
      for (int c = 0; c < channels; c++) {
        out[t * channels + c] = signal[t * channels + order[c]];
      }
    }
    return out;
  }

  private static int firstNonFinite(float[] signal) {
    for (int i = 0; i < signal.length; i++) {
      if (!Float.isFinite(signal[i])) {
        return i;
      }
    }
    return -1;
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  private static boolean isIdentity(int[] order) {
    for (int i = 0; i < order.length; i++) {
      if (order[i] != i) {
        return false;
      }
    }
    return true;
  }

  private static String hz(double rate) {
    return (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) + " Hz";
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.2f", seconds).replaceAll("\\.?0+$", "");
  }
}
