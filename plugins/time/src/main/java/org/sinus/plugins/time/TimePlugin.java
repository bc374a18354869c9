package org.sinus.plugins.time;

import com.google.inject.AbstractModule;
import org.sinus.api.plugin.Extensions;
import org.sinus.api.plugin.SinusPlugin;

/** The time domain: the raw-signal representation and the 1D CNNs that read it. */
public final class TimePlugin extends AbstractModule implements SinusPlugin {

  @Override
  public String name() {
    return "time";
  }

  @Override
  protected void configure() {
    Extensions.representations(binder()).addBinding(TimeRepresentation.TYPE).to(TimeRepresentation.Factory.class);
    Extensions.models(binder()).addBinding(ResNet1d.TYPE).to(ResNet1d.Factory.class);
    Extensions.models(binder()).addBinding(Cnn1d.TYPE).to(Cnn1d.Factory.class);
    Extensions.models(binder()).addBinding(XResNet1d.TYPE).to(XResNet1d.Factory.class);
  }
}
