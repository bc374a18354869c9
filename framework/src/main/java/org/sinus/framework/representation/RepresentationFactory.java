package org.sinus.framework.representation;

import org.sinus.framework.plugin.ComponentFactory;

/** Builds a {@link Representation}; bound by name with {@code Extensions.representations}. */
public interface RepresentationFactory extends ComponentFactory<Representation> {}
