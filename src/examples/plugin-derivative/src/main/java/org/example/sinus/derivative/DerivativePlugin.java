package org.example.sinus.derivative;

import com.google.inject.AbstractModule;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.api.representation.Representation;

/** Registers the {@code derivative} representation; listed in META-INF/services for ServiceLoader. */
public final class DerivativePlugin extends AbstractModule implements SinusPlugin {

  @Override
  public String name() {
    return "derivative";
  }

  @Override
  protected void configure() {
    Representation.POINT.bind(binder()).addBinding(Derivative.TYPE).to(Derivative.Factory.class);
  }
}
