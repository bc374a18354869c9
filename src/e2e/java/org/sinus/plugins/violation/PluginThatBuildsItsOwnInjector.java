package org.sinus.plugins.violation;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** Breaks "one composition root": builds an injector. Test fixture of ArchitectureTest. */
public final class PluginThatBuildsItsOwnInjector {
  public Injector injector() {
    return Guice.createInjector();
  }
}
