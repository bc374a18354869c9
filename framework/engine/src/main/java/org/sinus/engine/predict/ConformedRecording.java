package org.sinus.engine.predict;

import java.nio.file.Path;
import java.util.List;

/**
 * A recording in the model's format: at its sampling rate, its leads in its order, every value
 * finite, at least one window long.
 *
 * @param name the record's name
 * @param source the file it was read from
 * @param signal {@code samples × leads}, time-major
 * @param samples samples per lead
 * @param notices what was done to it on the way (resampled, leads reordered), for the user
 */
public record ConformedRecording(String name, Path source, float[] signal, int samples, List<String> notices) {
  public ConformedRecording {
    notices = List.copyOf(notices);
  }
}
