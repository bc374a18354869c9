package org.sinus.plugins.attribution;

import java.util.List;
import java.util.Locale;
import org.sinus.api.explain.Background;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.plugin.ComponentConfig;

/**
 * What the samples of an absent feature become: those of records drawn from the training split
 * (the output is then averaged over them), their mean signal, or zeros.
 *
 * @param kind the replacement
 * @param size training records drawn for {@link Kind#SAMPLE} and {@link Kind#MEAN}
 */
record Absence(Kind kind, int size) {

  /** The replacement of absent samples. */
  enum Kind { SAMPLE, MEAN, ZEROS }

  /**
   * Reads the choice at {@code key} among {@code choices} (lower-case {@link Kind} names) and
   * {@code background-size}.
   */
  static Absence read(ComponentConfig config, String key, List<String> choices) {
    Kind kind = Kind.valueOf(config.getChoice(key, choices).toUpperCase(Locale.ROOT));
    return new Absence(kind, config.getInt("background-size", 1, 100_000));
  }

  /**
   * Replacement signals drawn for one explanation.
   *
   * @param signals whole records of the context's format: one per drawn record for
   *     {@link Kind#SAMPLE}, one otherwise
   * @param description what an absent feature becomes, for the explanation's notes
   */
  record Drawn(float[][] signals, String description) {}

  /** Draws the replacement signals (training records drawn with {@code seed}). */
  Drawn draw(ExplainerContext context, long seed) {
    int values = context.format().samples() * context.format().channels();
    if (kind == Kind.ZEROS) {
      return new Drawn(new float[][] {new float[values]}, "an absent feature's samples are set to zero");
    }
    Background background = context.background(size, seed);
    float[][] records = background.records();
    if (records.length == 0) {
      throw new IllegalStateException("the training split has no records to replace absent features with");
    }
    if (kind == Kind.SAMPLE) {
      return new Drawn(records, "an absent feature's samples take the values of each of " + records.length
          + " training records at the same samples, and the output is averaged over them");
    }
    float[] mean = new float[values];
    for (float[] record : records) {
      for (int i = 0; i < values; i++) {
        mean[i] += record[i] / records.length;
      }
    }
    return new Drawn(new float[][] {mean}, "an absent feature's samples take the mean of " + records.length
        + " training records at the same samples");
  }
}
