package org.sinus.plot;

import java.util.List;

/**
 * One multichannel recording to draw, with what its title line says about it.
 *
 * @param recordId the record's identifier (PTB-XL: the ecg_id); may be empty
 * @param labels the record's class names, shown in the title; may be empty
 * @param values {@code samples × leads} values in millivolts, time-major: sample {@code t} of lead
 *     {@code l} is {@code values[t * leads + l]}; NaN leaves a gap in the trace
 * @param samplingRate samples per second
 * @param leads the lead names, one per channel, in channel order
 */
public record EcgSignal(String recordId, List<String> labels, float[] values, double samplingRate,
    List<String> leads) {

  public EcgSignal {
    recordId = recordId == null ? "" : recordId;
    labels = List.copyOf(labels);
    leads = List.copyOf(leads);
    String what = recordId.isEmpty() ? "signal" : "record " + recordId;
    if (leads.isEmpty()) {
      throw new IllegalArgumentException(what + ": no lead names given");
    }
    if (!(samplingRate > 0) || !Double.isFinite(samplingRate)) {
      throw new IllegalArgumentException(what + ": sampling rate must be positive, got " + samplingRate);
    }
    if (values.length == 0 || values.length % leads.size() != 0) {
      throw new IllegalArgumentException(what + ": " + values.length + " values are not a whole number"
          + " of samples of " + leads.size() + " leads " + leads);
    }
  }

  /** Samples per lead. */
  public int samples() {
    return values.length / leads.size();
  }

  /** Duration in seconds. */
  public double seconds() {
    return samples() / samplingRate;
  }

  /** Sample {@code t} of lead {@code lead}, in mV. */
  public float value(int t, int lead) {
    return values[t * leads.size() + lead];
  }
}
