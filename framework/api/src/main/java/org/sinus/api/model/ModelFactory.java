package org.sinus.api.model;

import org.sinus.api.plugin.ComponentFactory;

/** Builds a {@link Model}; bound by name with {@code Extensions.models}. */
public interface ModelFactory extends ComponentFactory<Model> {}
