package org.sinus.api.plugin;

import com.google.inject.Module;

/**
 * A plugin: a Guice module whose {@code configure} binds implementations by type name to
 * extension points ({@link ExtensionPoint#bind}), listed in its jar's
 * {@code META-INF/services/org.sinus.api.plugin.SinusPlugin} so that {@link java.util.ServiceLoader}
 * finds it. The jar ships a {@code reference.conf} with the defaults of every type it binds, under
 * {@code sinus.<extension-point>.<type>}. The time plugin of this repository binds:
 *
 * <pre>{@code
 * public final class TimePlugin extends AbstractModule implements SinusPlugin {
 *   public String name() {
 *     return "time";
 *   }
 *
 *   protected void configure() {
 *     Representation.POINT.bind(binder()).addBinding(TimeRepresentation.TYPE).to(TimeRepresentation.Factory.class);
 *     Model.POINT.bind(binder()).addBinding(ResNet1d.TYPE).to(ResNet1d.Factory.class);
 *   }
 * }
 * }</pre>
 */
public interface SinusPlugin extends Module {

  /** A short name for listings and provenance, e.g. {@code time}. */
  String name();
}
