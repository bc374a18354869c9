package org.sinus.api.data;

import java.util.List;

/**
 * What a representation is given: records of {@code samples} samples of {@code leads}, at
 * {@code samplingRate} Hz.
 */
public record SignalFormat(int samplingRate, int samples, List<String> leads) {
  public SignalFormat {
    leads = List.copyOf(leads);
  }

  public int channels() {
    return leads.size();
  }
}
