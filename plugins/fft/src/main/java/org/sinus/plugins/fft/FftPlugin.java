package org.sinus.plugins.fft;

import com.google.inject.AbstractModule;
import org.sinus.api.model.Model;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.api.representation.Representation;

/**
 * The frequency domain: the {@code fft} representation (spectra and short-time spectra of each
 * lead, by SIMD transforms across the leads or JTransforms) and the {@code cnn-transformer}
 * network that attends over their frames. Built on the framework's extension points only.
 */
public final class FftPlugin extends AbstractModule implements SinusPlugin {

  @Override
  public String name() {
    return "fft";
  }

  @Override
  protected void configure() {
    Representation.POINT.bind(binder()).addBinding(FftRepresentation.TYPE).to(FftRepresentation.Factory.class);
    Model.POINT.bind(binder()).addBinding(CnnTransformer.TYPE).to(CnnTransformer.Factory.class);
  }
}
