package org.sinus.api.explain;

import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;

/**
 * One input of the explained model: its name, its example shape and the fitted representation
 * that makes it (whose capabilities, e.g. {@link org.sinus.api.representation.SignalProjection},
 * say how its relevance maps back to leads × time).
 */
public record InputView(String name, ExampleShape shape, FittedRepresentation representation) {}
