package org.sinus.api.config;

/**
 * One thing wrong with an experiment configuration.
 *
 * @param path the dotted config key at fault, e.g. {@code model.filters}
 * @param location where the value was written: {@code file:line}, or a description such as
 *     {@code --set model.filters=3} when it came from the command line
 * @param message what is wrong and, where possible, how to fix it
 */
public record ConfigProblem(String path, String location, String message) {

  @Override
  public String toString() {
    return location + ": " + path + ": " + message;
  }
}
