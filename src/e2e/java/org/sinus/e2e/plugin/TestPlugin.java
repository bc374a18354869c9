package org.sinus.e2e.plugin;

import com.google.inject.AbstractModule;
import org.sinus.api.data.Dataset;
import org.sinus.api.explain.Explainer;
import org.sinus.api.model.Model;
import org.sinus.api.plugin.SinusPlugin;
import org.sinus.e2e.leak.AuditedDataset;

/** The end-to-end tests' own plugin, found by ServiceLoader on the test class path like any other. */
public final class TestPlugin extends AbstractModule implements SinusPlugin {
  @Override
  public String name() {
    return "e2e-test";
  }

  @Override
  protected void configure() {
    Model.POINT.bind(binder()).addBinding(ConcatBranches.TYPE).to(ConcatBranches.Factory.class);
    Explainer.POINT.bind(binder()).addBinding(BackgroundDifference.TYPE).to(BackgroundDifference.Factory.class);
    Dataset.POINT.bind(binder()).addBinding(AuditedDataset.TYPE).to(AuditedDataset.Factory.class);
  }
}
