package org.sinus.plugins.time;

import com.google.inject.AbstractModule;
import org.sinus.api.model.Model;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.api.representation.Representation;

/** The time domain: the raw-signal representation and the 1D CNNs that read it. */
public final class TimePlugin extends AbstractModule implements SinusPlugin {

  @Override
  public String name() {
    return "time";
  }

  @Override
  protected void configure() {
    Representation.POINT.bind(binder()).addBinding(TimeRepresentation.TYPE).to(TimeRepresentation.Factory.class);
    Model.POINT.bind(binder()).addBinding(ResNet1d.TYPE).to(ResNet1d.Factory.class);
    Model.POINT.bind(binder()).addBinding(Cnn1d.TYPE).to(Cnn1d.Factory.class);
    Model.POINT.bind(binder()).addBinding(XResNet1d.TYPE).to(XResNet1d.Factory.class);
  }
}
