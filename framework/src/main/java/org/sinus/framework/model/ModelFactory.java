package org.sinus.framework.model;

import org.sinus.framework.plugin.ComponentFactory;

/** Builds a {@link Model}; bound by name with {@code Extensions.models}. */
public interface ModelFactory extends ComponentFactory<Model> {}
