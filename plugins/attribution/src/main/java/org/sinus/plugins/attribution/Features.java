package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.data.SignalFormat;

/**
 * The features a perturbation explainer switches on and off: rectangles of a record's samples ×
 * one lead or all leads. A coalition ({@code present[k]} per feature) becomes a signal by replacing
 * the samples of every absent feature with a replacement signal's; attributions per feature become
 * relevance per sample and lead.
 *
 * @param list the features, in attribution order
 * @param leads leads of the signal (values per sample)
 */
record Features(List<Feature> list, int leads) {

  /**
   * Samples {@code [from, to)} of one lead, or of every lead when {@code lead} is {@link #ALL}.
   *
   * @param from first sample
   * @param to one past the last sample
   * @param lead the lead's index, or {@link #ALL}
   */
  record Feature(int from, int to, int lead) {
    Feature {
      if (from < 0 || to <= from) {
        throw new IllegalArgumentException("a feature covers at least one sample: [" + from + ", " + to + ")");
      }
    }

    /** Values of the signal the feature covers. */
    int cells(int leads) {
      return (to - from) * (lead == ALL ? leads : 1);
    }

    boolean overlaps(int start, int length) {
      return from < start + length && start < to;
    }
  }

  /** {@link Feature#lead()} of a feature that covers every lead. */
  static final int ALL = -1;

  Features {
    list = List.copyOf(list);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no features");
    }
  }

  /**
   * Features that cut samples {@code [from, to)} into consecutive pieces of {@code length} samples
   * (the last one shorter if the span does not divide), each of one lead ({@code perLead}, lead by
   * lead, then piece by piece) or of all leads.
   */
  static Features tiles(int from, int to, int length, boolean perLead, int leads) {
    return slide(from, to, length, length, perLead, leads);
  }

  /**
   * Patches of {@code length} samples every {@code stride} samples over {@code [from, to)}, the
   * last one ending at {@code to} so that every sample is covered (patches overlap when the stride
   * is shorter than the length; a span shorter than a patch is one patch).
   */
  static Features slide(int from, int to, int length, int stride, boolean perLead, int leads) {
    List<int[]> pieces = new ArrayList<>();
    for (int start = from; ; ) {
      int end = Math.min(to, start + length);
      pieces.add(new int[] {start, end});
      if (end >= to) {
        break;
      }
      start += stride;
      if (stride < length && start + length > to) {
        start = Math.max(from, to - length);
      }
    }
    List<Feature> features = new ArrayList<>();
    for (int lead = perLead ? 0 : ALL; lead < (perLead ? leads : 0); lead++) {
      for (int[] piece : pieces) {
        features.add(new Feature(piece[0], piece[1], lead));
      }
    }
    return new Features(features, leads);
  }

  /** One feature per lead over samples {@code [from, to)}. */
  static Features leads(int from, int to, int leads) {
    return tiles(from, to, to - from, true, leads);
  }

  int count() {
    return list.size();
  }

  Feature get(int k) {
    return list.get(k);
  }

  /**
   * {@code signal} with the samples of every feature that is not {@code present} taken from
   * {@code replacement} (a signal of the same format); a new array.
   */
  float[] apply(float[] signal, boolean[] present, float[] replacement) {
    float[] out = signal.clone();
    for (int k = 0; k < list.size(); k++) {
      if (present[k]) {
        continue;
      }
      Feature feature = list.get(k);
      if (feature.lead() == ALL) {
        System.arraycopy(replacement, feature.from() * leads, out, feature.from() * leads,
            (feature.to() - feature.from()) * leads);
      } else {
        for (int t = feature.from(); t < feature.to(); t++) {
          out[t * leads + feature.lead()] = replacement[t * leads + feature.lead()];
        }
      }
    }
    return out;
  }

  /** Whether a feature that is absent in {@code present} covers a sample of {@code [start, start + length)}. */
  boolean changes(boolean[] present, int start, int length) {
    for (int k = 0; k < list.size(); k++) {
      if (!present[k] && list.get(k).overlaps(start, length)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Relevance per sample and lead of a record of {@code samples} samples: each feature's value
   * shared evenly among the values it covers, so a feature's relevance sums to its value.
   */
  float[] spread(double[] values, int samples) {
    double[] out = new double[samples * leads];
    for (int k = 0; k < list.size(); k++) {
      Feature feature = list.get(k);
      add(out, feature, values[k] / feature.cells(leads));
    }
    return toFloats(out);
  }

  /**
   * Relevance per sample and lead of a record of {@code samples} samples: the mean of the values of
   * the features that cover each sample and lead (0 where none does).
   */
  float[] coverageMean(double[] values, int samples) {
    double[] sum = new double[samples * leads];
    double[] covering = new double[samples * leads];
    for (int k = 0; k < list.size(); k++) {
      add(sum, list.get(k), values[k]);
      add(covering, list.get(k), 1);
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] = covering[i] == 0 ? 0 : sum[i] / covering[i];
    }
    return toFloats(sum);
  }

  private void add(double[] out, Feature feature, double value) {
    for (int t = feature.from(); t < feature.to(); t++) {
      if (feature.lead() == ALL) {
        for (int lead = 0; lead < leads; lead++) {
          out[t * leads + lead] += value;
        }
      } else {
        out[t * leads + feature.lead()] += value;
      }
    }
  }

  private static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** A feature's name for reports, e.g. {@code V1 2.25-2.50 s} or {@code all leads 0.00-0.20 s}. */
  String name(int k, SignalFormat format) {
    Feature feature = list.get(k);
    return String.format(Locale.ROOT, "%s %.2f-%.2f s", feature.lead() == ALL ? "all leads"
        : format.leads().get(feature.lead()), feature.from() / (double) format.samplingRate(),
        feature.to() / (double) format.samplingRate());
  }

  /** Every feature's name with its value, in feature order, for an explanation's details. */
  List<Map<String, Object>> report(double[] values, SignalFormat format) {
    List<Map<String, Object>> report = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("feature", name(k, format));
      entry.put("value", values[k]);
      report.add(entry);
    }
    return report;
  }
}
