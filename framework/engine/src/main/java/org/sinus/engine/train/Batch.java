package org.sinus.engine.train;

import java.util.List;
import org.tensorflow.types.TFloat32;

/**
 * A batch ready to be fed: one {@code [size, h, w, c]} tensor per model input (in input order)
 * and {@code [size, classes]} targets, owned by whoever takes it from the loader (close it after
 * the step).
 */
public record Batch(List<TFloat32> inputs, TFloat32 targets, int size) implements AutoCloseable {
  @Override
  public void close() {
    inputs.forEach(TFloat32::close);
    targets.close();
  }
}
