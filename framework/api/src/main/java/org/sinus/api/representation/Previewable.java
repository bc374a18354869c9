package org.sinus.api.representation;

import org.sinus.api.preview.Preview;

/** A fitted representation that can describe a picture of an example it encoded (optional capability). */
public interface Previewable {

  /**
   * @param example one example of {@link FittedRepresentation#shape()}
   * @param startSeconds where the window starts in its record
   */
  Preview preview(float[] example, double startSeconds);
}
