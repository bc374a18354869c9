package org.sinus.engine.plugin;

import java.util.List;

/** The plugins that were discovered, bound so that the registry can name them. */
record PluginList(List<String> names) {}
