package org.sinus.api.plugin;

import org.sinus.api.plugin.ComponentConfig;

/**
 * Builds one kind of component from its config block. Registered with Guice under the type name
 * that an experiment's {@code type = "..."} selects (see {@link ExtensionPoint#bind}).
 *
 * <p>{@link #create} reads every setting eagerly through {@link ComponentConfig}, so that a bad
 * value fails before any work starts; heavy work (loading data, building graphs) happens later,
 * in the component's own lifecycle methods. A factory may build nested components by type name
 * from its own block ({@link ComponentConfig#component}), as strictly as the top level.
 *
 * @param <T> the extension point's component type
 */
public interface ComponentFactory<T> {

  /** One line shown by {@code sinus plugins}. */
  String description();

  /** Reads and validates the settings; problems go to {@code config.problems()}. */
  T create(ComponentConfig config);
}
