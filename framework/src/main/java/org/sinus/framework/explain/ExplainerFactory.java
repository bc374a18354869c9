package org.sinus.framework.explain;

import org.sinus.framework.plugin.ComponentFactory;

/** Builds an {@link Explainer}; bound by name with {@code Extensions.explainers}. */
public interface ExplainerFactory extends ComponentFactory<Explainer> {}
