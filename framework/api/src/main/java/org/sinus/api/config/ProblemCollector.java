package org.sinus.api.config;

import java.util.ArrayList;
import java.util.List;

/** Gathers config problems so that all of them are reported at once, before any work starts. */
public final class ProblemCollector {
  private final List<ConfigProblem> problems = new ArrayList<>();

  public void add(ConfigProblem problem) {
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
  }

  public void addAll(List<ConfigProblem> more) {
    more.forEach(this::add);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  /** Throws a {@link ConfigException} listing every problem collected so far, if there is one. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
