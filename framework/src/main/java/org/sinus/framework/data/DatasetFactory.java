package org.sinus.framework.data;

import org.sinus.framework.plugin.ComponentFactory;

/** Builds a {@link Dataset} from its config block; bound by name with {@code Extensions.datasets}. */
public interface DatasetFactory extends ComponentFactory<Dataset> {}
