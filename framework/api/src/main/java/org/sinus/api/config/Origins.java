package org.sinus.api.config;

import com.typesafe.config.ConfigOrigin;

/** Renders where a config value came from as {@code file:line}, the form editors and terminals link. */
public final class Origins {
  private Origins() {}

  public static String describe(ConfigOrigin origin) {
    if (origin == null) {
      return "(unknown origin)";
    }
    String file = origin.filename();
    if (file == null && origin.url() != null) {
      file = origin.url().toString();
    }
    if (file == null && origin.resource() != null) {
      file = "classpath:" + origin.resource();
    }
    if (file == null) {
      // e.g. "--set model.filters=3: 1": the line of a one-line text says nothing
      return origin.description().replaceFirst(": \\d+$", "");
    }
    return origin.lineNumber() > 0 ? file + ":" + origin.lineNumber() : file;
  }
}
