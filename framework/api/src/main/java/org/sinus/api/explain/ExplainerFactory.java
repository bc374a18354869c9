package org.sinus.api.explain;

import org.sinus.api.plugin.ComponentFactory;

/** Builds an {@link Explainer}; bound by name with {@code Extensions.explainers}. */
public interface ExplainerFactory extends ComponentFactory<Explainer> {}
