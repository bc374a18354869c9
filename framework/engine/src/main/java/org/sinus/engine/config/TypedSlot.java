package org.sinus.engine.config;

import org.sinus.api.plugin.ExtensionPoint;

/**
 * A block of the experiment whose {@code type} selects an implementation of an extension point,
 * e.g. {@code model { type = "resnet1d", ... }}.
 *
 * @param path dotted path of the block in the experiment
 * @param point the extension point whose types may be named
 * @param required whether an experiment must have the block
 */
public record TypedSlot(String path, ExtensionPoint<?> point, boolean required) {}
