package org.sinus.plugins.wavelet;

import com.google.inject.AbstractModule;
import org.sinus.api.model.Model;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.api.representation.Representation;

/** Wavelets: the {@code cwt} scalogram representation and the {@code cnn2d} model that reads it. */
public final class WaveletPlugin extends AbstractModule implements SinusPlugin {

  @Override
  public String name() {
    return "wavelet";
  }

  @Override
  protected void configure() {
    Representation.POINT.bind(binder()).addBinding(CwtRepresentation.TYPE).to(CwtRepresentation.Factory.class);
    Model.POINT.bind(binder()).addBinding(Cnn2d.TYPE).to(Cnn2d.Factory.class);
  }
}
