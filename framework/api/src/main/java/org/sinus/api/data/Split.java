package org.sinus.api.data;

import java.util.Locale;

/** The three parts of an experiment's data. */
public enum Split {
  TRAIN, VALIDATION, TEST;

  /** The name used in configs and on the command line: {@code train}, {@code validation}, {@code test}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Split parse(String text) {
    for (Split split : values()) {
      if (split.id().equals(text) || (split == VALIDATION && text.equals("val"))) {
        return split;
      }
    }
    throw new IllegalArgumentException("unknown split '" + text + "'; known: train, validation, test");
  }
}
