package org.sinus.api.representation;

import org.sinus.api.plugin.ComponentFactory;

/** Builds a {@link Representation}; bound by name with {@code Extensions.representations}. */
public interface RepresentationFactory extends ComponentFactory<Representation> {}
