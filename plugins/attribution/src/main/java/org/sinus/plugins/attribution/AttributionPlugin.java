package org.sinus.plugins.attribution;

import com.google.inject.AbstractModule;
import org.sinus.api.explain.Explainer;
import org.sinus.api.plugin.SinusPlugin;

/** Explainers that attribute a prediction to the parts of the model's input. */
public final class AttributionPlugin extends AbstractModule implements SinusPlugin {

  @Override
  public String name() {
    return "attribution";
  }

  @Override
  protected void configure() {
    var explainers = Explainer.POINT.bind(binder());
    explainers.addBinding(GradientExplainer.TYPE).to(GradientExplainer.Factory.class);
    explainers.addBinding(KernelShapExplainer.TYPE).to(KernelShapExplainer.Factory.class);
    explainers.addBinding(LimeExplainer.TYPE).to(LimeExplainer.Factory.class);
    explainers.addBinding(OcclusionExplainer.TYPE).to(OcclusionExplainer.Factory.class);
    explainers.addBinding(IntegratedGradients.TYPE).to(IntegratedGradients.Factory.class);
    explainers.addBinding(GradientShap.TYPE).to(GradientShap.Factory.class);
    explainers.addBinding(GradCam.TYPE).to(GradCam.Factory.class);
  }
}
