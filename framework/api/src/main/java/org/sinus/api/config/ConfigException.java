package org.sinus.api.config;

import java.util.List;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;

/** An experiment configuration that cannot be run; carries every problem found, not just the first. */
public final class ConfigException extends SinusException {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    this(problems, "Invalid experiment configuration");
  }

  /**
   * @param heading what the problems are about, e.g. {@code Invalid experiment configuration for the data of ptbxl}
   */
  public ConfigException(List<ConfigProblem> problems, String heading) {
    super(ExitCode.CONFIG, format(heading, problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(ConfigProblem problem) {
    this(List.of(problem));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String format(String heading, List<ConfigProblem> problems) {
    StringBuilder text = new StringBuilder(heading).append(" (")
        .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
    for (ConfigProblem problem : problems) {
      text.append(System.lineSeparator()).append("  ").append(problem);
    }
    return text.toString();
  }
}
