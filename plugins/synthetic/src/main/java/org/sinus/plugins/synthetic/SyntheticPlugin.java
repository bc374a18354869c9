package org.sinus.plugins.synthetic;

import com.google.inject.AbstractModule;
import org.sinus.api.data.Dataset;
import org.sinus.api.plugin.SinusPlugin;

/** Registers the {@code synthetic} dataset, the built-in data of the quickstart. */
public final class SyntheticPlugin extends AbstractModule implements SinusPlugin {

  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  protected void configure() {
    Dataset.POINT.bind(binder()).addBinding(SyntheticDatasetFactory.TYPE).toInstance(new SyntheticDatasetFactory());
  }
}
