package org.sinus.plugins.synthetic.violation;

import org.tensorflow.types.TFloat32;

/** Breaks "data code has no TensorFlow". Test fixture of ArchitectureTest. */
public final class DatasetUsingTensorFlow {
  public TFloat32 tensor() {
    return TFloat32.scalarOf(1f);
  }
}
