package org.sinus.api.explain;

import org.sinus.api.representation.ExampleShape;

/** A trained model seen from outside: examples in, class probabilities out. */
public interface Predictor {

  ExampleShape shape();

  int classes();

  /**
   * Probabilities of {@code count} examples laid out one after the other in {@code examples};
   * returns {@code count × classes} values.
   */
  float[] predict(float[] examples, int count);
}
