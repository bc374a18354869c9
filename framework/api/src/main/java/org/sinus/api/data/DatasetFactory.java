package org.sinus.api.data;

import org.sinus.api.plugin.ComponentFactory;

/** Builds a {@link Dataset} from its config block; bound by name with {@code Extensions.datasets}. */
public interface DatasetFactory extends ComponentFactory<Dataset> {}
