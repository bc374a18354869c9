package org.sinus.engine.predict;

import java.nio.file.Path;
import java.util.List;

/**
 * What the model says about one recording.
 *
 * @param name the record's name
 * @param source the file it was read from
 * @param probabilities per class, in the model's class order
 * @param labels the classes whose probability reaches their decision threshold
 * @param windows the windows the record was scored from
 * @param notices what was done to the recording before it was scored (resampled, leads reordered)
 */
public record RecordPrediction(String name, Path source, float[] probabilities, List<String> labels, int windows,
                               List<String> notices) {
  public RecordPrediction {
    labels = List.copyOf(labels);
    notices = List.copyOf(notices);
  }
}
