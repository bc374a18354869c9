package org.sinus.io.violation;

import org.tensorflow.types.TFloat32;

/** Breaks "sinus-io uses only the API". Test fixture of ArchitectureTest. */
public final class ReaderUsingTensorFlow {
  public Class<?> tensorType() {
    return TFloat32.class;
  }
}
