package org.sinus.api.preview;

import java.util.List;

/**
 * Leads drawn as curves over time, one panel per lead.
 *
 * @param title the picture's title
 * @param values {@code [time, leads]} values, time-major
 * @param samplingRate samples per second (for the time axis)
 * @param startSeconds time of the first sample
 * @param leads the leads' names, one per channel
 */
public record SignalPreview(String title, float[] values, double samplingRate, double startSeconds, List<String> leads)
    implements Preview {
  public SignalPreview {
    leads = List.copyOf(leads);
    if (leads.isEmpty() || values.length % leads.size() != 0) {
      throw new IllegalArgumentException(values.length + " values do not make whole samples of " + leads.size() + " leads");
    }
  }
}
