package org.sinus.io;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A recording read from a file: physical values (millivolts for an ECG), time-major
 * {@code [samples × channels]}.
 *
 * @param name the record's name (the file name without its extension)
 * @param source the file it was read from
 * @param samplingRate samples per second per channel, when the file says (WFDB does; CSV and NumPy
 *     arrays do not)
 * @param channelNames the channels' names (lead names) in the order of the values, when the file
 *     names them; otherwise empty
 * @param channels the number of channels
 * @param signal {@code samples × channels} values, time-major
 */
public record Recording(String name, Path source, OptionalDouble samplingRate, List<String> channelNames,
                        int channels, float[] signal) {
  public Recording {
    channelNames = List.copyOf(channelNames);
    if (channels < 1 || signal.length % channels != 0) {
      throw new IllegalArgumentException(signal.length + " values cannot be " + channels + " channels");
    }
    if (!channelNames.isEmpty() && channelNames.size() != channels) {
      throw new IllegalArgumentException(channelNames.size() + " channel names for " + channels + " channels");
    }
  }

  /** Samples per channel. */
  public int samples() {
    return signal.length / channels;
  }
}
