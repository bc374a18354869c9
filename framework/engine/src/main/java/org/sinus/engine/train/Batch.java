package org.sinus.engine.train;

import org.tensorflow.types.TFloat32;

/**
 * A batch ready to be fed: {@code [size, h, w, c]} inputs and {@code [size, classes]} targets,
 * owned by whoever takes it from the loader (close it after the step).
 */
public record Batch(TFloat32 inputs, TFloat32 targets, int size) implements AutoCloseable {
  @Override
  public void close() {
    inputs.close();
    targets.close();
  }
}
