package org.sinus.api.config;

/**
 * Where a setting was written, kept by a component for problems found only once the data is
 * known (a cut-off above the Nyquist frequency, a window longer than the records): the problem is
 * then a configuration error naming the key and its {@code file:line}, like those found when the
 * experiment is loaded.
 *
 * @param path the dotted key, e.g. {@code representation.band-pass.high-hz}
 * @param location where its value was written ({@code file:line}, or {@code --set ...})
 */
public record ConfigKey(String path, String location) {

  /** The configuration error "{@code location: path: message}". */
  public ConfigException problem(String message) {
    return new ConfigException(new ConfigProblem(path, location, message));
  }
}
