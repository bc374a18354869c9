package org.sinus.api.plugin;

import com.google.inject.Module;

/**
 * A plugin: a Guice module whose {@code configure} binds implementations by type name through
 * {@link Extensions}, listed in its jar's {@code META-INF/services/org.sinus.api.plugin.SinusPlugin}
 * so that {@link java.util.ServiceLoader} finds it. The jar ships a {@code reference.conf} with
 * the defaults of every type it binds, under {@code sinus.<extension-point>.<type>}.
 *
 * <pre>{@code
 * public final class TimePlugin extends AbstractModule implements SinusPlugin {
 *   protected void configure() {
 *     Extensions.representations(binder()).addBinding("time").to(TimeRepresentationFactory.class);
 *     Extensions.models(binder()).addBinding("resnet1d").to(ResNet1dFactory.class);
 *   }
 * }
 * }</pre>
 */
public interface SinusPlugin extends Module {

  /** A short name for listings and provenance, e.g. {@code time}. */
  String name();
}
