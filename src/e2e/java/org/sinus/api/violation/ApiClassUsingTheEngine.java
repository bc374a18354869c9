package org.sinus.api.violation;

import org.sinus.engine.run.ExperimentRunner;

/** Breaks "the API is self-contained". Test fixture of ArchitectureTest. */
public final class ApiClassUsingTheEngine {
  public Class<?> runner() {
    return ExperimentRunner.class;
  }
}
