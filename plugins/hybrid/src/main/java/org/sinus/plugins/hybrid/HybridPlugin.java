package org.sinus.plugins.hybrid;

import com.google.inject.AbstractModule;
import org.sinus.api.model.Model;
import org.sinus.api.plugin.SinusPlugin;

/** Models that join several views of the signal (branches of a representation and a model each). */
public final class HybridPlugin extends AbstractModule implements SinusPlugin {
  @Override
  public String name() {
    return "hybrid";
  }

  @Override
  protected void configure() {
    Model.POINT.bind(binder()).addBinding(LateFusionFactory.TYPE).to(LateFusionFactory.class);
  }
}
