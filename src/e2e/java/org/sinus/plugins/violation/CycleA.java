package org.sinus.plugins.violation;

import org.sinus.plugins.violation.cycle.CycleB;

/** With {@link CycleB}, breaks "no package cycles". Test fixture of ArchitectureTest. */
public final class CycleA {
  public CycleB next() {
    return new CycleB();
  }
}
