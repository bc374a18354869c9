package org.sinus.api.plugin;

import org.sinus.api.plugin.ExtensionPoint;

/**
 * Builds a nested component from a typed block of a component's config: selects the factory by
 * the block's {@code type}, puts the type's reference.conf defaults under the block, checks its
 * keys and builds it. The engine provides it to every {@link ComponentConfig} it creates.
 */
public interface ComponentBuilder {

  /**
   * @param parent the block that holds the typed block
   * @param key the typed block's key in {@code parent}
   * @param point the extension point whose types {@code key} may name
   * @return the component, or {@code null} when the block is wrong (the problems are recorded in
   *     {@code parent.problems()})
   */
  <T> T build(ComponentConfig parent, String key, ExtensionPoint<T> point);
}
