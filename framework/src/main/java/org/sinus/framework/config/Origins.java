package org.sinus.framework.config;

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
      return origin.description();
    }
    return origin.lineNumber() > 0 ? file + ":" + origin.lineNumber() : file;
  }
}
