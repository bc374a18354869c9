package org.sinus.plugins.violation;

import org.sinus.engine.train.TrainingSettings;

/** Breaks "plugins use only the API": reads an engine class. Test fixture of ArchitectureTest. */
public final class PluginUsingTheEngine {
  public int epochs(TrainingSettings settings) {
    return settings.epochs();
  }
}
