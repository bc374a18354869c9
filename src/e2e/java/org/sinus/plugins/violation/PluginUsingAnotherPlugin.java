package org.sinus.plugins.violation;

import org.sinus.plugins.time.TimePlugin;

/** Breaks "plugins are independent": uses the time plugin. Test fixture of ArchitectureTest. */
public final class PluginUsingAnotherPlugin {
  public String name() {
    return new TimePlugin().name() + "-copy";
  }
}
