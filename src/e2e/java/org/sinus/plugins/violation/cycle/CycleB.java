package org.sinus.plugins.violation.cycle;

import org.sinus.plugins.violation.CycleA;

/** With {@link CycleA}, breaks "no package cycles". Test fixture of ArchitectureTest. */
public final class CycleB {
  public CycleA back() {
    return new CycleA();
  }
}
